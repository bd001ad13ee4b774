package io.shequn.engagement.rewards;

import io.shequn.engagement.Rows;
import io.shequn.engagement.membership.MembershipService;
import io.shequn.engagement.points.PointsLedger;
import io.shequn.engagement.points.PointsReason;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rewards catalogue and redemptions. A redemption deducts stock and points in one
 * transaction: the conditional stock decrement locks the reward row (so stock never goes below
 * zero and the per-member limit is counted under the lock), the ledger locks the member's
 * balance (so points never go below zero); any refusal rolls both back.
 */
@ApplicationScoped
public class RewardService {

    private static final Logger LOG = Logger.getLogger(RewardService.class);

    @Inject
    EntityManager entityManager;

    @Inject
    MembershipService memberships;

    @Inject
    PointsLedger ledger;

    @Inject
    Clock clock;

    /** A global reward (operators, {@code groupId} null) or a group's (its owner, admins, operators). */
    @Transactional
    public RewardResponse create(UUID groupId, CreateRewardRequest request, Caller caller) {
        if (groupId == null) {
            if (!caller.isOperator()) {
                throw ProblemException.forbidden("Only operators create global rewards");
            }
        } else {
            memberships.requireManager(groupId, caller);
        }
        if (request.activeFrom() != null && request.activeUntil() != null && !request.activeFrom().isBefore(request.activeUntil())) {
            throw ProblemException.invalid("activeUntil", "must be after activeFrom");
        }
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                        insert into reward (id, group_id, name, description, cost, stock, per_member_limit, active_from,
                                            active_until, created_by, created_at)
                        values (:id, :group, :name, :description, :cost, :stock, :limit, :from, :until, :by, :at)""")
                .setParameter("id", id)
                .setParameter("group", groupId)
                .setParameter("name", request.name().strip())
                .setParameter("description", request.description())
                .setParameter("cost", request.cost())
                .setParameter("stock", request.stock())
                .setParameter("limit", request.perMemberLimit())
                .setParameter("from", request.activeFrom())
                .setParameter("until", request.activeUntil())
                .setParameter("by", caller.memberId())
                .setParameter("at", clock.instant().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        return get(id);
    }

    /** The reward's managers (operators; for a group's reward also its owner and admins) change it. */
    @Transactional
    public RewardResponse update(UUID rewardId, UpdateRewardRequest request, Caller caller) {
        RewardResponse reward = get(rewardId);
        if (reward.groupId() == null) {
            if (!caller.isOperator()) {
                throw ProblemException.forbidden("Only operators change global rewards");
            }
        } else {
            memberships.requireManager(reward.groupId(), caller);
        }
        Instant from = request.activeFrom() != null ? request.activeFrom() : reward.activeFrom();
        Instant until = request.activeUntil() != null ? request.activeUntil() : reward.activeUntil();
        if (from != null && until != null && !from.isBefore(until)) {
            throw ProblemException.invalid("activeUntil", "must be after activeFrom");
        }
        // Takes the reward row lock, so it is ordered with concurrent redemptions.
        entityManager.createNativeQuery("""
                        update reward set name = :name, description = :description, cost = :cost, stock = :stock,
                                          per_member_limit = :limit, active_from = :from, active_until = :until
                        where id = :id""")
                .setParameter("id", rewardId)
                .setParameter("name", request.name() != null ? request.name().strip() : reward.name())
                .setParameter("description", request.description() != null ? request.description() : reward.description())
                .setParameter("cost", request.cost() != null ? request.cost() : reward.cost())
                .setParameter("stock", request.stock() != null ? request.stock() : currentStock(rewardId))
                .setParameter("limit", request.perMemberLimit() != null ? request.perMemberLimit() : reward.perMemberLimit())
                .setParameter("from", from)
                .setParameter("until", until)
                .executeUpdate();
        return get(rewardId);
    }

    private int currentStock(UUID rewardId) {
        return Rows.integer(entityManager.createNativeQuery("select stock from reward where id = :id for update")
                .setParameter("id", rewardId).getSingleResult());
    }

    @Transactional
    public RewardResponse get(UUID rewardId) {
        return find(rewardId).orElseThrow(() -> ProblemException.notFound("Reward", rewardId));
    }

    /** Global rewards ({@code groupId} null) or a group's (its members and operators). */
    @Transactional
    public Page<RewardResponse> list(UUID groupId, PageRequest page, Caller caller) {
        if (groupId != null && !caller.isOperator()) {
            memberships.requireMember(groupId, caller.memberId());
        }
        String scope = groupId == null ? "group_id is null" : "group_id = :group";
        Query query = entityManager.createNativeQuery("select " + RewardResponse.COLUMNS + " from reward where " + scope
                + " order by created_at, id limit :limit offset :offset");
        Query count = entityManager.createNativeQuery("select count(*) from reward where " + scope);
        if (groupId != null) {
            query.setParameter("group", groupId);
            count.setParameter("group", groupId);
        }
        List<RewardResponse> items = ((List<?>) query.setParameter("limit", page.size()).setParameter("offset", page.offset())
                .getResultList()).stream().map(RewardResponse::of).toList();
        return Page.of(items, page, Rows.number(count.getSingleResult()));
    }

    @Transactional
    public Redeemed redeem(UUID rewardId, UUID memberId, UUID requestId) {
        RewardResponse reward = get(rewardId);
        if (reward.groupId() != null) {
            memberships.requireMember(reward.groupId(), memberId);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if ((reward.activeFrom() != null && now.isBefore(reward.activeFrom()))
                || (reward.activeUntil() != null && !now.isBefore(reward.activeUntil()))) {
            throw ProblemException.conflict("reward-not-active", "Reward " + rewardId + " cannot be redeemed now");
        }
        UUID id = UUID.randomUUID();
        // First, so that a concurrent retry with the same request id waits for this one and then finds it.
        int inserted = entityManager.createNativeQuery("insert into redemption (" + RedemptionResponse.COLUMNS + ") values "
                        + "(:id, :reward, :member, :group, :cost, :request, :at) on conflict (member_id, request_id) do nothing")
                .setParameter("id", id)
                .setParameter("reward", rewardId)
                .setParameter("member", memberId)
                .setParameter("group", reward.groupId())
                .setParameter("cost", reward.cost())
                .setParameter("request", requestId)
                .setParameter("at", now)
                .executeUpdate();
        if (inserted == 0) {
            RedemptionResponse existing = findByRequest(memberId, requestId).orElseThrow();
            if (!existing.rewardId().equals(rewardId)) {
                throw ProblemException.conflict("request-id-reused", "Request " + requestId + " redeemed another reward");
            }
            return new Redeemed(existing, false);
        }
        int taken = entityManager.createNativeQuery("update reward set stock = stock - 1 where id = :id and stock > 0")
                .setParameter("id", rewardId)
                .executeUpdate();
        if (taken == 0) {
            throw ProblemException.conflict("out-of-stock", "Reward " + rewardId + " is out of stock");
        }
        if (reward.perMemberLimit() != null) {
            long redeemed = Rows.number(entityManager.createNativeQuery(
                            "select count(*) from redemption where reward_id = :reward and member_id = :member")
                    .setParameter("reward", rewardId)
                    .setParameter("member", memberId)
                    .getSingleResult());
            if (redeemed > reward.perMemberLimit()) {
                throw ProblemException.conflict("redemption-limit-reached",
                        "Reward " + rewardId + " can be redeemed " + reward.perMemberLimit() + " times per member");
            }
        }
        ledger.change(memberId, reward.groupId(), -reward.cost(), PointsReason.REWARD_REDEMPTION, id, null, reward.name());
        LOG.infof("Member %s redeemed reward %s", memberId, rewardId);
        return new Redeemed(new RedemptionResponse(id, rewardId, memberId, reward.groupId(), reward.cost(), requestId, now), true);
    }

    @Transactional
    public Page<RedemptionResponse> myRedemptions(UUID memberId, PageRequest page) {
        List<RedemptionResponse> items = ((List<?>) entityManager.createNativeQuery("select " + RedemptionResponse.COLUMNS
                        + " from redemption where member_id = :member order by redeemed_at desc, id limit :limit offset :offset")
                .setParameter("member", memberId)
                .setParameter("limit", page.size())
                .setParameter("offset", page.offset())
                .getResultList()).stream().map(RedemptionResponse::of).toList();
        long total = Rows.number(entityManager.createNativeQuery("select count(*) from redemption where member_id = :member")
                .setParameter("member", memberId).getSingleResult());
        return Page.of(items, page, total);
    }

    private Optional<RewardResponse> find(UUID rewardId) {
        return ((List<?>) entityManager.createNativeQuery("select " + RewardResponse.COLUMNS + " from reward where id = :id")
                .setParameter("id", rewardId).getResultList()).stream().findFirst().map(RewardResponse::of);
    }

    private Optional<RedemptionResponse> findByRequest(UUID memberId, UUID requestId) {
        return ((List<?>) entityManager.createNativeQuery("select " + RedemptionResponse.COLUMNS
                        + " from redemption where member_id = :member and request_id = :request")
                .setParameter("member", memberId).setParameter("request", requestId).getResultList())
                .stream().findFirst().map(RedemptionResponse::of);
    }
}
