package io.shequn.platform.inbox;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.EventData;

/**
 * Applies one kind of event to a service's state. Implementations are CDI beans; the platform's
 * {@link InboxConsumer} finds them, subscribes to their topics and calls {@link #on} inside the
 * database transaction that also records the event id, so each event takes effect exactly once.
 * Throwing rolls the transaction back; the event is retried and, if it keeps failing, dead-lettered.
 */
public interface InboxListener<T extends EventData> {

    EventContract<T> contract();

    void on(T data, ReceivedEvent event);
}
