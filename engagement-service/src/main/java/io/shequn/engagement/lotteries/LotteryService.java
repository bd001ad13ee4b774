package io.shequn.engagement.lotteries;

import io.shequn.contracts.Events;
import io.shequn.contracts.events.LotteryDrawn;
import io.shequn.contracts.events.LotteryEntered;
import io.shequn.engagement.Rows;
import io.shequn.engagement.group.GroupSettingsService;
import io.shequn.engagement.membership.MembershipService;
import io.shequn.engagement.points.PointsLedger;
import io.shequn.engagement.points.PointsReason;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.outbox.Outbox;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.ProblemException;
import io.shequn.platform.sql.BulkSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lotteries: creation with a committed seed, entries, the close of entries (the entry list is
 * hashed and published), the draw ({@link LotteryDraw}, once, with the seed revealed) and
 * cancellation (every paid entry refunded once). Closing, drawing and cancelling take the lottery
 * row's exclusive lock and act only from the state they expect, so a second trigger, on this or
 * another replica, finds the work done and changes nothing; entries take a shared lock on it, so
 * none can slip in while entries are being closed.
 */
@ApplicationScoped
public class LotteryService {

    public static final int MAX_UNITS = 1_000;
    static final Duration MAX_AHEAD = Duration.ofDays(366);

    private static final Logger LOG = Logger.getLogger(LotteryService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    @Inject
    LotteryRepository lotteries;

    @Inject
    MembershipService memberships;

    @Inject
    GroupSettingsService groups;

    @Inject
    PointsLedger ledger;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The group's owner, admins and operators create lotteries. */
    @Transactional
    public LotteryResponse create(UUID groupId, CreateLotteryRequest request, Caller caller) {
        memberships.requireManager(groupId, caller);
        Instant now = now();
        if (!request.entriesCloseAt().isAfter(now)) {
            throw invalid("entriesCloseAt: must be in the future");
        }
        if (request.entriesCloseAt().isAfter(now.plus(MAX_AHEAD)) || request.drawAt().isAfter(now.plus(MAX_AHEAD))) {
            throw invalid((request.entriesCloseAt().isAfter(now.plus(MAX_AHEAD)) ? "entriesCloseAt" : "drawAt")
                    + ": must be at most 366 days ahead");
        }
        if (request.drawAt().isBefore(request.entriesCloseAt())) {
            throw invalid("drawAt: must not be before entriesCloseAt");
        }
        if (request.prizes().stream().mapToInt(PrizeRequest::quantity).sum() > MAX_UNITS) {
            throw invalid("prizes: at most " + MAX_UNITS + " winners in all");
        }
        Eligibility eligibility = request.eligibility() == null ? Eligibility.ANYONE
                : new Eligibility(request.eligibility().minCheckInDays(), request.eligibility().minMemberDays(),
                request.eligibility().requiresVerified());
        byte[] seed = new byte[LotteryDraw.SEED_BYTES];
        RANDOM.nextBytes(seed);
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                        insert into lottery (id, group_id, title, entry_cost, min_check_in_days, min_member_days, require_verified,
                                             entries_close_at, draw_at, seed, seed_hash, status, created_by, created_at)
                        values (:id, :group, :title, :cost, :checkIns, :memberDays, :verified, :closeAt, :drawAt, :seed, :seedHash,
                                'OPEN', :by, :at)""")
                .setParameter("id", id).setParameter("group", groupId).setParameter("title", request.title().strip())
                .setParameter("cost", request.entryCost() == null ? 0L : request.entryCost())
                .setParameter("checkIns", eligibility.minCheckInDays()).setParameter("memberDays", eligibility.minMemberDays())
                .setParameter("verified", eligibility.requiresVerified())
                .setParameter("closeAt", request.entriesCloseAt()).setParameter("drawAt", request.drawAt())
                .setParameter("seed", seed).setParameter("seedHash", LotteryDraw.hex(LotteryDraw.seedHash(seed)))
                .setParameter("by", caller.memberId()).setParameter("at", now)
                .executeUpdate();
        List<Object[]> prizes = new ArrayList<>();
        for (int i = 0; i < request.prizes().size(); i++) {
            PrizeRequest prize = request.prizes().get(i);
            prizes.add(new Object[] {id, i + 1, prize.name().strip(), prize.quantity(), prize.points()});
        }
        BulkSql.update(entityManager, """
                insert into lottery_prize (lottery_id, position, name, quantity, points)
                select * from unnest(?::uuid[], ?::int[], ?::text[], ?::int[], ?::bigint[])""", prizes);
        LOG.infof("Lottery %s created in group %s by %s", id, groupId, caller.memberId());
        return response(lotteries.require(groupId, id, ""), caller.memberId());
    }

    @Transactional
    public LotteryResponse get(UUID groupId, UUID lotteryId, Caller caller) {
        memberships.requireMemberOrOperator(groupId, caller);
        return response(lotteries.require(groupId, lotteryId, ""), caller.memberId());
    }

    /** Newest first. */
    @Transactional
    public Page<LotteryResponse> list(UUID groupId, PageRequest page, Caller caller) {
        memberships.requireMemberOrOperator(groupId, caller);
        return lotteries.list(groupId, page).map(lottery -> response(lottery, caller.memberId()));
    }

    /**
     * A member enters once: the cost is deducted in the same transaction (409
     * {@code insufficient-points}); entering again answers with the entry. An ineligible member
     * gets 422 naming the rule.
     */
    @Transactional
    public Entered enter(UUID groupId, UUID lotteryId, UUID memberId) {
        memberships.requireMember(groupId, memberId);
        Lottery lottery = lotteries.require(groupId, lotteryId, "for share");
        Optional<EntryResponse> before = lotteries.entry(lotteryId, memberId);
        if (before.isPresent()) {
            return new Entered(before.get(), false);
        }
        Instant now = now();
        if (lottery.status() == LotteryResponse.Status.CANCELLED) {
            throw ProblemException.conflict("lottery-cancelled", "Lottery " + lotteryId + " was cancelled");
        }
        if (lottery.status() != LotteryResponse.Status.OPEN || !now.isBefore(lottery.entriesCloseAt())) {
            throw ProblemException.conflict("lottery-closed", "Entries to lottery " + lotteryId + " closed at " + lottery.entriesCloseAt());
        }
        lottery.eligibility().refusal(facts(groupId, memberId, now)).ifPresent(refusal -> {
            throw new ProblemException(422, "not-eligible-" + refusal.rule().replaceAll("([A-Z])", "-$1").toLowerCase(),
                    "Not eligible", "eligibility." + refusal.rule() + ": " + refusal.detail());
        });
        EntryResponse entry = new EntryResponse(lotteryId, memberId, lottery.entryCost(), now);
        int inserted = entityManager.createNativeQuery("""
                        insert into lottery_entry (lottery_id, member_id, cost, entered_at) values (:lottery, :member, :cost, :at)
                        on conflict (lottery_id, member_id) do nothing""")
                .setParameter("lottery", lotteryId).setParameter("member", memberId).setParameter("cost", entry.cost())
                .setParameter("at", now).executeUpdate();
        if (inserted == 0) {
            // The same member's concurrent entry made it and has committed.
            return new Entered(lotteries.entry(lotteryId, memberId).orElseThrow(), false);
        }
        if (entry.cost() > 0) {
            ledger.change(memberId, groupId, -entry.cost(), PointsReason.LOTTERY_ENTRY, lotteryId, null, null);
        }
        outbox.publish(Events.LOTTERY_ENTERED, new LotteryEntered(lotteryId, groupId, memberId, entry.cost(), now), now);
        return new Entered(entry, true);
    }

    /** A manager draws now, once entries have closed; a drawn lottery answers with its result. */
    @Transactional
    public LotteryResponse drawNow(UUID groupId, UUID lotteryId, Caller caller) {
        memberships.requireManager(groupId, caller);
        Lottery lottery = lotteries.require(groupId, lotteryId, "for update");
        Instant now = now();
        switch (lottery.status()) {
            case CANCELLED -> throw ProblemException.conflict("lottery-cancelled", "Lottery " + lotteryId + " was cancelled");
            case DRAWN -> {
                return response(lottery, caller.memberId());
            }
            case OPEN, CLOSED -> {
                if (now.isBefore(lottery.entriesCloseAt())) {
                    throw ProblemException.conflict("entries-still-open", "Entries to lottery " + lotteryId + " close at "
                            + lottery.entriesCloseAt());
                }
                draw(lottery, now);
            }
        }
        return response(lotteries.require(groupId, lotteryId, ""), caller.memberId());
    }

    /** Closes entries and draws when their time has come; for the lottery job, in its transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void advance(UUID lotteryId, Instant now) {
        Optional<Lottery> locked = lotteries.lock(lotteryId);
        if (locked.isEmpty()) {
            return;
        }
        Lottery lottery = locked.get();
        if (lottery.status() == LotteryResponse.Status.OPEN && !now.isBefore(lottery.entriesCloseAt())) {
            lottery = close(lottery, now);
        }
        if (lottery.status() == LotteryResponse.Status.CLOSED && !now.isBefore(lottery.drawAt())) {
            draw(lottery, now);
        }
    }

    /** The group's managers cancel a lottery that has not been drawn; every paid entry is refunded once. */
    @Transactional
    public LotteryResponse cancel(UUID groupId, UUID lotteryId, Caller caller) {
        memberships.requireManager(groupId, caller);
        Lottery lottery = lotteries.require(groupId, lotteryId, "for update");
        if (lottery.isDrawn()) {
            throw ProblemException.conflict("lottery-drawn", "Lottery " + lotteryId + " has been drawn");
        }
        if (lottery.status() != LotteryResponse.Status.CANCELLED) {
            Instant now = now();
            entityManager.createNativeQuery("update lottery set status = 'CANCELLED', cancelled_at = :now where id = :id")
                    .setParameter("now", now).setParameter("id", lotteryId).executeUpdate();
            List<Object[]> paid = lotteries.paidEntries(lotteryId);
            for (Object[] entry : paid) {
                ledger.change(Rows.uuid(entry[0]), groupId, Rows.number(entry[1]), PointsReason.LOTTERY_REFUND, lotteryId, null, null);
            }
            LOG.infof("Lottery %s cancelled by %s; %d entries refunded", lotteryId, caller.memberId(), paid.size());
        }
        return response(lotteries.require(groupId, lotteryId, ""), caller.memberId());
    }

    /** What anyone needs to recompute the draw, each part once it is public. */
    @Transactional
    public VerificationResponse verification(UUID groupId, UUID lotteryId, Caller caller) {
        memberships.requireMemberOrOperator(groupId, caller);
        Lottery lottery = lotteries.require(groupId, lotteryId, "");
        List<UUID> entries = lottery.isClosed() ? LotteryDraw.canonical(lotteries.entrants(lotteryId)) : null;
        return new VerificationResponse(lottery.id(), LotteryDraw.ALGORITHM, lottery.status(), lottery.seedHash(),
                lottery.isDrawn() ? LotteryDraw.hex(lottery.seed()) : null, entries, lottery.entryListHash(),
                lotteries.prizes(lotteryId), lottery.isDrawn() ? lotteries.winners(lotteryId) : null);
    }

    private Lottery close(Lottery lottery, Instant now) {
        List<UUID> entrants = lotteries.entrants(lottery.id());
        String hash = LotteryDraw.hex(LotteryDraw.entryListHash(entrants));
        entityManager.createNativeQuery("""
                        update lottery set status = 'CLOSED', entry_list_hash = :hash, entrants = :entrants, closed_at = :now where id = :id""")
                .setParameter("hash", hash).setParameter("entrants", entrants.size()).setParameter("now", now)
                .setParameter("id", lottery.id()).executeUpdate();
        LOG.infof("Lottery %s closed with %d entries, entry list hash %s", lottery.id(), entrants.size(), hash);
        return lotteries.lock(lottery.id()).orElseThrow();
    }

    private void draw(Lottery lottery, Instant now) {
        if (lottery.status() == LotteryResponse.Status.OPEN) {
            lottery = close(lottery, now);
        }
        List<UUID> entrants = lotteries.entrants(lottery.id());
        if (!LotteryDraw.hex(LotteryDraw.entryListHash(entrants)).equals(lottery.entryListHash())) {
            throw new IllegalStateException("The entries of lottery " + lottery.id() + " changed after they closed");
        }
        List<LotteryResponse.Prize> prizes = lotteries.prizes(lottery.id());
        List<LotteryDraw.Winner> winners = LotteryDraw.winners(lottery.seed(), entrants, lottery.id(),
                prizes.stream().mapToInt(LotteryResponse.Prize::quantity).toArray());
        Map<Integer, LotteryResponse.Prize> byPosition = prizes.stream()
                .collect(Collectors.toMap(LotteryResponse.Prize::position, Function.identity()));
        List<Object[]> rows = new ArrayList<>();
        List<LotteryDrawn.Winner> published = new ArrayList<>();
        for (int i = 0; i < winners.size(); i++) {
            LotteryDraw.Winner winner = winners.get(i);
            LotteryResponse.Prize prize = byPosition.get(winner.prizePosition());
            rows.add(new Object[] {lottery.id(), i + 1, winner.prizePosition(), winner.memberId()});
            published.add(new LotteryDrawn.Winner(winner.memberId(), prize.position(), prize.name(), prize.points()));
            if (prize.points() != null) {
                ledger.change(winner.memberId(), lottery.groupId(), prize.points(), PointsReason.LOTTERY_PRIZE, lottery.id(), null,
                        prize.name());
            }
        }
        BulkSql.update(entityManager, """
                insert into lottery_winner (lottery_id, draw, prize_position, member_id)
                select * from unnest(?::uuid[], ?::int[], ?::int[], ?::uuid[])""", rows);
        entityManager.createNativeQuery("update lottery set status = 'DRAWN', drawn_at = :now where id = :id")
                .setParameter("now", now).setParameter("id", lottery.id()).executeUpdate();
        outbox.publish(Events.LOTTERY_DRAWN, new LotteryDrawn(lottery.id(), lottery.groupId(), lottery.title(), entrants.size(),
                lottery.seedHash(), LotteryDraw.hex(lottery.seed()), lottery.entryListHash(), published, now), now);
        LOG.infof("Lottery %s drawn: %d winners among %d entries", lottery.id(), winners.size(), entrants.size());
    }

    private Eligibility.Facts facts(UUID groupId, UUID memberId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, groups.settings(groupId).timeZone());
        int checkInDays = Rows.integer(entityManager.createNativeQuery("""
                        select count(distinct day) from check_in where group_id = :group and member_id = :member and day between :from and :to""")
                .setParameter("group", groupId).setParameter("member", memberId)
                .setParameter("from", today.minusDays(6)).setParameter("to", today).getSingleResult());
        return new Eligibility.Facts(checkInDays, memberships.memberSince(groupId, memberId).orElse(null),
                memberships.isVerified(memberId), now);
    }

    private LotteryResponse response(Lottery lottery, UUID viewer) {
        return new LotteryResponse(lottery.id(), lottery.groupId(), lottery.title(), lottery.status(), lottery.entryCost(),
                lottery.eligibility(), lotteries.prizes(lottery.id()), lottery.entriesCloseAt(), lottery.drawAt(), lottery.seedHash(),
                lottery.entryListHash(), lotteries.countEntries(lottery.id()), lotteries.entry(lottery.id(), viewer).isPresent(),
                lottery.createdAt(), lottery.closedAt(), lottery.drawnAt(), lottery.cancelledAt(),
                lottery.isDrawn() ? lotteries.winners(lottery.id()) : null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "validation", "Invalid request", detail);
    }
}
