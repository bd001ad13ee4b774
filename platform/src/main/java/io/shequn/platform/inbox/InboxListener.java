package io.shequn.platform.inbox;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.EventData;

import java.util.List;

/**
 * Applies one kind of event to a service's state. Implementations are CDI beans; the platform's
 * {@link InboxConsumer} finds them, subscribes to their topics and calls {@link #on} inside the
 * database transaction that also records the event id, so each event takes effect exactly once.
 * Throwing rolls the transaction back; the event is retried and, if it keeps failing, dead-lettered
 * (an {@link Error} instead stops the inbox channel: see {@link InboxConsumer}).
 */
public interface InboxListener<T extends EventData> {

    EventContract<T> contract();

    void on(T data, ReceivedEvent event);

    /**
     * Applies consecutive events of this topic, in their order, in one transaction; each is a
     * first delivery. Override to apply them with fewer statements than one by one, with the same
     * outcome as calling {@link #on} for each in turn.
     */
    default void onBatch(List<Delivery<T>> deliveries) {
        for (Delivery<T> delivery : deliveries) {
            on(delivery.data(), delivery.event());
        }
    }

    /** One event's data and envelope. */
    record Delivery<T>(T data, ReceivedEvent event) {
    }
}
