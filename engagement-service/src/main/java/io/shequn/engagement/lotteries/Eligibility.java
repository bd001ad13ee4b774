package io.shequn.engagement.lotteries;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may enter a lottery: every rule that is set must hold. Absent rules do not apply.
 * {@code minCheckInDays}: checked in on at least that many of the last 7 days (today included, in
 * the group's time zone); {@code minMemberDays}: in the group (the current membership) for at
 * least that many days; {@code verified}: real-name verified.
 */
@Schema(name = "LotteryEligibility")
public record Eligibility(
        @Schema(example = "3", description = "checked in on at least this many of the last 7 days, today included")
        @Min(1) @Max(7) Integer minCheckInDays,
        @Schema(example = "30", description = "a member of the group for at least this many days")
        @Min(1) @Max(3650) Integer minMemberDays,
        @Schema(description = "real-name verified members only") Boolean verified) {

    public static final Eligibility ANYONE = new Eligibility(null, null, false);

    /** What is known of a member when they try to enter. {@code memberSince} is the start of their current membership, if known. */
    public record Facts(int checkInDaysOfLast7, Instant memberSince, boolean verified, Instant now) {
    }

    /** A rule the member does not meet: its name (the field above) and why. */
    public record Refusal(String rule, String detail) {
    }

    public boolean requiresVerified() {
        return Boolean.TRUE.equals(verified);
    }

    /** The first rule, in the order above, that the member does not meet. */
    public Optional<Refusal> refusal(Facts facts) {
        if (minCheckInDays != null && facts.checkInDaysOfLast7() < minCheckInDays) {
            return Optional.of(new Refusal("minCheckInDays", "checked in on " + facts.checkInDaysOfLast7()
                    + " of the last 7 days; " + minCheckInDays + " needed"));
        }
        if (minMemberDays != null) {
            long days = facts.memberSince() == null ? 0 : Duration.between(facts.memberSince(), facts.now()).toDays();
            if (days < minMemberDays) {
                return Optional.of(new Refusal("minMemberDays", "a member for " + days + " days; " + minMemberDays + " needed"));
            }
        }
        if (requiresVerified() && !facts.verified()) {
            return Optional.of(new Refusal("verified", "only real-name verified members may enter"));
        }
        return Optional.empty();
    }
}
