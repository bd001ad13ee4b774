package io.shequn.platform.inbox;

import io.shequn.platform.sql.BulkSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The ids of applied events. Recording and the effect share one transaction. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    /**
     * Records many events with one statement.
     *
     * @return the indexes (into {@code events}) of those never applied before, each (source, id) once
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Integer> firstDeliveries(List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        List<Object[]> returned = BulkSql.query(entityManager, """
                        insert into inbox_event (source, event_id, topic) select * from unnest(?::text[], ?::text[], ?::text[])
                        on conflict do nothing returning source, event_id""",
                events.stream().map(e -> new Object[] {e.source(), e.id(), e.topic()}).toList());
        Set<List<String>> inserted = new HashSet<>();
        for (Object[] row : returned) {
            inserted.add(List.of((String) row[0], (String) row[1]));
        }
        Set<Integer> first = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            if (inserted.remove(List.of(events.get(i).source(), events.get(i).id()))) {
                first.add(i);
            }
        }
        return first;
    }
}
