package io.shequn.member.referral;

import io.shequn.member.profile.MemberRepository;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads the referral tree. Only the member and operators may see who a member brought in. */
@ApplicationScoped
public class ReferralService {

    public static final int MAX_DEPTH = 5;
    static final int MAX_NODES = 1000;
    /** Bounds the unlimited-depth count; the tree has no cycles, this only guards against surprises. */
    private static final int MAX_WALK = 1000;

    @Inject
    EntityManager entityManager;

    @Inject
    MemberRepository members;

    @Transactional
    @SuppressWarnings("unchecked")
    public ReferralTree tree(UUID root, int depth, Caller caller) {
        requireVisible(root, caller);
        List<Object[]> rows = entityManager.createNativeQuery("""
                        with recursive tree(id, invited_by, level) as (
                            select id, invited_by, 1 from member where invited_by = :root
                            union all
                            select m.id, m.invited_by, t.level + 1 from member m join tree t on m.invited_by = t.id
                            where t.level < :depth)
                        select t.id, t.invited_by, t.level, m.display_name, m.registered_at
                        from tree t join member m on m.id = t.id
                        order by t.level, m.registered_at, t.id""")
                .setParameter("root", root)
                .setParameter("depth", depth)
                .getResultList();

        Map<Integer, Long> counts = new TreeMap<>();
        Map<UUID, List<ReferralTree.Node>> children = new LinkedHashMap<>();
        children.put(root, new ArrayList<>());
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            int level = ((Number) row[2]).intValue();
            counts.merge(level, 1L, Long::sum);
            if (i >= MAX_NODES) {
                continue;
            }
            UUID id = (UUID) row[0];
            List<ReferralTree.Node> below = new ArrayList<>();
            children.put(id, below);
            ReferralTree.Node node = new ReferralTree.Node(id, (String) row[3], instant(row[4]), below);
            children.get((UUID) row[1]).add(node);
        }
        List<ReferralTree.Level> levels = counts.entrySet().stream()
                .map(e -> new ReferralTree.Level(e.getKey(), e.getValue())).toList();
        return new ReferralTree(root, depth, levels, children.get(root), rows.size() > MAX_NODES);
    }

    @Transactional
    public ReferralTree.Summary summary(UUID root, Caller caller) {
        requireVisible(root, caller);
        long direct = ((Number) entityManager.createNativeQuery("select count(*) from member where invited_by = :root")
                .setParameter("root", root).getSingleResult()).longValue();
        long total = ((Number) entityManager.createNativeQuery("""
                        with recursive tree(id, level) as (
                            select id, 1 from member where invited_by = :root
                            union all
                            select m.id, t.level + 1 from member m join tree t on m.invited_by = t.id where t.level < :max)
                        select count(*) from tree""")
                .setParameter("root", root)
                .setParameter("max", MAX_WALK)
                .getSingleResult()).longValue();
        return new ReferralTree.Summary(root, direct, total);
    }

    private void requireVisible(UUID root, Caller caller) {
        if (!caller.isOperator() && !root.equals(caller.memberId())) {
            throw ProblemException.forbidden("Only the member or an operator may see member " + root + "'s referrals");
        }
        if (members.findByIdOptional(root).isEmpty()) {
            throw ProblemException.notFound("Member", root);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
