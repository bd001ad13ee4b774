package io.shequn.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The ids of applied events. Recording and the effect share one transaction. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    /** Records the event; false if it was applied before, in which case the caller must not apply it again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(ReceivedEvent event) {
        int inserted = entityManager.createNativeQuery("""
                        insert into inbox_event (source, event_id, topic) values (:source, :id, :topic)
                        on conflict do nothing""")
                .setParameter("source", event.source())
                .setParameter("id", event.id())
                .setParameter("topic", event.topic())
                .executeUpdate();
        return inserted == 1;
    }
}
