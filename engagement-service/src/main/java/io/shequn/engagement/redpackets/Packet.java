package io.shequn.engagement.redpackets;

import io.shequn.contracts.events.RedPacketFinish;
import io.shequn.engagement.Rows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A red packet row. */
record Packet(UUID id, UUID groupId, UUID senderId, String currency, long totalAmount, int count, String greeting,
              Instant sentAt, Instant expiresAt, int grabbedCount, long grabbedAmount, Instant finishedAt,
              RedPacketFinish finishReason, Long refundedAmount) {

    static final String COLUMNS = columns("");

    /** The columns, each prefixed (an alias and a dot, or nothing). */
    static String columns(String prefix) {
        return String.join(", ", List.of("id", "group_id", "sender_id", "currency", "total_amount", "share_count", "greeting", "sent_at",
                "expires_at", "grabbed_count", "grabbed_amount", "finished_at", "finish_reason", "refunded_amount").stream()
                .map(column -> prefix + column).toList());
    }

    static Packet of(Object row) {
        return of((Object[]) row, 0);
    }

    /** The packet in the columns of {@link #COLUMNS} from {@code at} on. */
    static Packet of(Object[] row, int at) {
        Object[] r = java.util.Arrays.copyOfRange(row, at, at + 14);
        return new Packet(Rows.uuid(r[0]), Rows.uuid(r[1]), Rows.uuid(r[2]), (String) r[3], Rows.number(r[4]), Rows.integer(r[5]),
                (String) r[6], Rows.instant(r[7]), Rows.instant(r[8]), Rows.integer(r[9]), Rows.number(r[10]), Rows.instant(r[11]),
                r[12] == null ? null : RedPacketFinish.valueOf((String) r[12]), r[13] == null ? null : Rows.number(r[13]));
    }

    boolean isPoints() {
        return RedPacketService.POINTS.equals(currency);
    }

    /** Expired means its time ran out, whether or not the expiry job has refunded it yet. */
    RedPacketResponse.Status status(Instant now) {
        if (finishReason == RedPacketFinish.GRABBED_OUT) {
            return RedPacketResponse.Status.GRABBED_OUT;
        }
        if (finishReason == RedPacketFinish.EXPIRED || !now.isBefore(expiresAt)) {
            return RedPacketResponse.Status.EXPIRED;
        }
        return RedPacketResponse.Status.ACTIVE;
    }

    RedPacketResponse response(Instant now, List<RedPacketGrab> grabs) {
        RedPacketResponse.Status status = status(now);
        RedPacketGrab bestLuck = status == RedPacketResponse.Status.ACTIVE || grabs == null ? null : BestLuck.of(grabs).orElse(null);
        return new RedPacketResponse(id, groupId, senderId, currency, totalAmount, count, greeting, status, grabbedCount,
                grabbedAmount, refundedAmount, sentAt, expiresAt, finishedAt, grabs, bestLuck);
    }
}
