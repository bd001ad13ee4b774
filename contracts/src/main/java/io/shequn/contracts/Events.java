package io.shequn.contracts;

import io.shequn.contracts.events.ActivityAttended;
import io.shequn.contracts.events.ActivityScheduled;
import io.shequn.contracts.events.CheckedIn;
import io.shequn.contracts.events.GroupCreated;
import io.shequn.contracts.events.GroupHealthChanged;
import io.shequn.contracts.events.LotteryDrawn;
import io.shequn.contracts.events.LotteryEntered;
import io.shequn.contracts.events.MemberErased;
import io.shequn.contracts.events.MemberJoined;
import io.shequn.contracts.events.MemberLeft;
import io.shequn.contracts.events.MemberRegistered;
import io.shequn.contracts.events.MemberRoleChanged;
import io.shequn.contracts.events.MemberUpdated;
import io.shequn.contracts.events.MemberVerified;
import io.shequn.contracts.events.MessageFlagged;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.contracts.events.PointsChanged;
import io.shequn.contracts.events.Purchase;
import io.shequn.contracts.events.RedPacketFinished;
import io.shequn.contracts.events.RedPacketGrabbed;
import io.shequn.contracts.events.RedPacketSent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event catalogue: every contract the suite publishes or consumes. */
public final class Events {

    public static final EventContract<MemberRegistered> MEMBER_REGISTERED =
            new EventContract<>("member-registered", 1, MemberRegistered.class);
    public static final EventContract<MemberUpdated> MEMBER_UPDATED =
            new EventContract<>("member-updated", 1, MemberUpdated.class);
    public static final EventContract<MemberVerified> MEMBER_VERIFIED =
            new EventContract<>("member-verified", 1, MemberVerified.class);
    public static final EventContract<MemberErased> MEMBER_ERASED =
            new EventContract<>("member-erased", 1, MemberErased.class);
    public static final EventContract<GroupCreated> GROUP_CREATED =
            new EventContract<>("group-created", 1, GroupCreated.class);
    public static final EventContract<MemberJoined> MEMBER_JOINED =
            new EventContract<>("member-joined", 1, MemberJoined.class);
    public static final EventContract<MemberLeft> MEMBER_LEFT =
            new EventContract<>("member-left", 1, MemberLeft.class);
    public static final EventContract<MemberRoleChanged> MEMBER_ROLE_CHANGED =
            new EventContract<>("member-role-changed", 1, MemberRoleChanged.class);
    public static final EventContract<MessagePosted> MESSAGE_POSTED =
            new EventContract<>("message-posted", 1, MessagePosted.class);
    public static final EventContract<MessageFlagged> MESSAGE_FLAGGED =
            new EventContract<>("message-flagged", 1, MessageFlagged.class);
    public static final EventContract<CheckedIn> CHECKED_IN =
            new EventContract<>("checked-in", 1, CheckedIn.class);
    public static final EventContract<PointsChanged> POINTS_CHANGED =
            new EventContract<>("points-changed", 1, PointsChanged.class);
    public static final EventContract<RedPacketSent> RED_PACKET_SENT =
            new EventContract<>("red-packet-sent", 1, RedPacketSent.class);
    public static final EventContract<RedPacketGrabbed> RED_PACKET_GRABBED =
            new EventContract<>("red-packet-grabbed", 1, RedPacketGrabbed.class);
    public static final EventContract<RedPacketFinished> RED_PACKET_FINISHED =
            new EventContract<>("red-packet-finished", 1, RedPacketFinished.class);
    public static final EventContract<LotteryEntered> LOTTERY_ENTERED =
            new EventContract<>("lottery-entered", 1, LotteryEntered.class);
    public static final EventContract<LotteryDrawn> LOTTERY_DRAWN =
            new EventContract<>("lottery-drawn", 1, LotteryDrawn.class);
    public static final EventContract<ActivityScheduled> ACTIVITY_SCHEDULED =
            new EventContract<>("activity-scheduled", 1, ActivityScheduled.class);
    public static final EventContract<ActivityAttended> ACTIVITY_ATTENDED =
            new EventContract<>("activity-attended", 1, ActivityAttended.class);
    public static final EventContract<Purchase> PURCHASE =
            new EventContract<>("purchase", 1, Purchase.class);
    public static final EventContract<GroupHealthChanged> GROUP_HEALTH_CHANGED =
            new EventContract<>("group-health-changed", 1, GroupHealthChanged.class);

    private static final List<EventContract<?>> ALL = List.of(
            MEMBER_REGISTERED,
            MEMBER_UPDATED,
            MEMBER_VERIFIED,
            MEMBER_ERASED,
            GROUP_CREATED,
            MEMBER_JOINED,
            MEMBER_LEFT,
            MEMBER_ROLE_CHANGED,
            MESSAGE_POSTED,
            MESSAGE_FLAGGED,
            CHECKED_IN,
            POINTS_CHANGED,
            RED_PACKET_SENT,
            RED_PACKET_GRABBED,
            RED_PACKET_FINISHED,
            LOTTERY_ENTERED,
            LOTTERY_DRAWN,
            ACTIVITY_SCHEDULED,
            ACTIVITY_ATTENDED,
            PURCHASE,
            GROUP_HEALTH_CHANGED);

    private static final Map<String, EventContract<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventContract::type, Function.identity()));

    private Events() {
    }

    public static List<EventContract<?>> all() {
        return ALL;
    }

    /** The contract for a CloudEvents {@code type}, e.g. {@code shequn.member-registered.v1}. */
    public static Optional<EventContract<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
