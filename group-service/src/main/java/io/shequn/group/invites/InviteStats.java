package io.shequn.group.invites;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** How many members joined through one code, and how many of them are still in the group. */
@Schema(name = "InviteStats")
public record InviteStats(@Schema(example = "K7Q2M9XA") String code, UUID memberId,
                          @Schema(example = "12") long joined, @Schema(example = "9") long stillMembers) {
}
