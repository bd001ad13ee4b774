package io.shequn.engagement.moderation;

import io.shequn.engagement.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a text against the global list and the group's list: one automaton per list, built
 * once and rebuilt only when the list's version changed (any instance may have changed it), so
 * a check is one small query plus one pass over the text per list, however long the lists.
 */
@ApplicationScoped
public class Moderator {

    private static final Logger LOG = Logger.getLogger(Moderator.class);
    /** The list id of the global list. */
    static final UUID GLOBAL = new UUID(0, 0);

    @Inject
    EntityManager entityManager;

    private final Map<UUID, Compiled> compiled = new ConcurrentHashMap<>();

    @Transactional
    public Verdict check(UUID groupId, String text) {
        if (text == null || text.isBlank()) {
            return Verdict.CLEAN;
        }
        Map<UUID, Long> versions = versions(groupId);
        List<WordRule> matches = new ArrayList<>();
        for (UUID list : List.of(GLOBAL, groupId)) {
            Long version = versions.get(list);
            if (version != null) {
                matches.addAll(matcher(list, version).match(text));
            }
        }
        return matches.isEmpty() ? Verdict.CLEAN : new Verdict(List.copyOf(matches));
    }

    private Map<UUID, Long> versions(UUID groupId) {
        Map<UUID, Long> versions = new HashMap<>();
        entityManager.createNativeQuery("select list_id, version from sensitive_word_list where list_id in (:global, :group)")
                .setParameter("global", GLOBAL)
                .setParameter("group", groupId)
                .getResultList()
                .forEach(row -> versions.put(Rows.uuid(((Object[]) row)[0]), Rows.number(((Object[]) row)[1])));
        return versions;
    }

    private AhoCorasick<WordRule> matcher(UUID list, long version) {
        Compiled current = compiled.get(list);
        if (current != null && current.version() == version) {
            return current.matcher();
        }
        AhoCorasick.Builder<WordRule> builder = AhoCorasick.builder();
        UUID groupId = GLOBAL.equals(list) ? null : list;
        var query = groupId == null
                ? entityManager.createNativeQuery("select word, action from sensitive_word where group_id is null")
                : entityManager.createNativeQuery("select word, action from sensitive_word where group_id = :group")
                        .setParameter("group", groupId);
        ((List<?>) query.getResultList())
                .forEach(row -> {
                    Object[] r = (Object[]) row;
                    builder.add((String) r[0], new WordRule((String) r[0], WordAction.valueOf((String) r[1]), groupId));
                });
        AhoCorasick<WordRule> matcher = builder.build();
        compiled.put(list, new Compiled(version, matcher));
        LOG.debugf("Compiled sensitive-word list %s version %d: %d words", list, version, matcher.size());
        return matcher;
    }

    private record Compiled(long version, AhoCorasick<WordRule> matcher) {
    }
}
