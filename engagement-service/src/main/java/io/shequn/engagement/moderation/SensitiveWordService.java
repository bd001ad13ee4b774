package io.shequn.engagement.moderation;

import io.shequn.engagement.Rows;
import io.shequn.engagement.membership.MembershipService;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The global list (operators) and each group's list (its owner and admins, or operators). */
@ApplicationScoped
public class SensitiveWordService {

    private static final Logger LOG = Logger.getLogger(SensitiveWordService.class);

    @Inject
    EntityManager entityManager;

    @Inject
    MembershipService memberships;

    @Inject
    Clock clock;

    /** Adds the words to the list ({@code groupId} null: the global one); a word already there takes the new action. */
    @Transactional
    public SensitiveWordsAdded add(UUID groupId, SensitiveWordRequest request, Caller caller) {
        authorize(groupId, caller);
        Map<String, SensitiveWordRequest.Entry> byForm = new LinkedHashMap<>();
        for (SensitiveWordRequest.Entry entry : request.words()) {
            String normalized = TextNormalizer.normalize(entry.word());
            if (normalized.isEmpty()) {
                throw ProblemException.invalid("words", "\"" + entry.word() + "\" has no letters or digits to match");
            }
            byForm.put(normalized, entry);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (Map.Entry<String, SensitiveWordRequest.Entry> word : byForm.entrySet()) {
            entityManager.createNativeQuery("""
                            insert into sensitive_word (id, group_id, word, normalized, action, created_by, created_at)
                            values (:id, :group, :word, :normalized, :action, :by, :at)
                            on conflict (coalesce(group_id, '00000000-0000-0000-0000-000000000000'::uuid), normalized)
                            do update set action = excluded.action, word = excluded.word""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("group", groupId)
                    .setParameter("word", word.getValue().word().strip())
                    .setParameter("normalized", word.getKey())
                    .setParameter("action", word.getValue().action().name())
                    .setParameter("by", caller.memberId())
                    .setParameter("at", now)
                    .executeUpdate();
        }
        bump(groupId);
        LOG.infof("%s saved %d sensitive words in list %s", caller.memberId(), byForm.size(), groupId == null ? "global" : groupId);
        return new SensitiveWordsAdded(groupId, byForm.size(), count(groupId));
    }

    @Transactional
    public Page<SensitiveWordResponse> list(UUID groupId, PageRequest page, Caller caller) {
        authorize(groupId, caller);
        Query query = entityManager.createNativeQuery("select id, group_id, word, action, created_by, created_at from sensitive_word where "
                + scope(groupId) + " order by created_at, id limit :limit offset :offset");
        bindGroup(query, groupId);
        List<SensitiveWordResponse> items = ((List<?>) query
                .setParameter("limit", page.size())
                .setParameter("offset", page.offset())
                .getResultList()).stream()
                .map(row -> {
                    Object[] r = (Object[]) row;
                    return new SensitiveWordResponse(Rows.uuid(r[0]), Rows.uuid(r[1]), (String) r[2],
                            WordAction.valueOf((String) r[3]), Rows.uuid(r[4]), Rows.instant(r[5]));
                }).toList();
        return Page.of(items, page, count(groupId));
    }

    @Transactional
    public void remove(UUID groupId, UUID wordId, Caller caller) {
        authorize(groupId, caller);
        Query query = entityManager.createNativeQuery("delete from sensitive_word where id = :id and " + scope(groupId))
                .setParameter("id", wordId);
        bindGroup(query, groupId);
        if (query.executeUpdate() == 0) {
            throw ProblemException.notFound("Sensitive word", wordId);
        }
        bump(groupId);
    }

    private long count(UUID groupId) {
        Query query = entityManager.createNativeQuery("select count(*) from sensitive_word where " + scope(groupId));
        bindGroup(query, groupId);
        return Rows.number(query.getSingleResult());
    }

    private void bump(UUID groupId) {
        entityManager.createNativeQuery("""
                        insert into sensitive_word_list (list_id, version) values (:list, 1)
                        on conflict (list_id) do update set version = sensitive_word_list.version + 1""")
                .setParameter("list", groupId == null ? Moderator.GLOBAL : groupId)
                .executeUpdate();
    }

    private void authorize(UUID groupId, Caller caller) {
        if (groupId == null) {
            if (!caller.isOperator()) {
                throw ProblemException.forbidden("Only operators manage the global list");
            }
        } else {
            memberships.requireManager(groupId, caller);
        }
    }

    private static String scope(UUID groupId) {
        return groupId == null ? "group_id is null" : "group_id = :group";
    }

    private static void bindGroup(Query query, UUID groupId) {
        if (groupId != null) {
            query.setParameter("group", groupId);
        }
    }
}
