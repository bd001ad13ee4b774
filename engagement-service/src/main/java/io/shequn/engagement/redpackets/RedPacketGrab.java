package io.shequn.engagement.redpackets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One member's share of a red packet. */
@Schema(name = "RedPacketGrab")
public record RedPacketGrab(
        UUID packetId,
        UUID memberId,
        @Schema(example = "123") long amount,
        @Schema(example = "POINTS") String currency,
        Instant grabbedAt) {
}
