package io.shequn.engagement.lotteries;

/** An entry, and whether this request made it (false: the member had entered before). */
public record Entered(EntryResponse entry, boolean created) {
}
