package io.shequn.contracts;

import java.util.UUID;

/**
 * The data of one Shequn event. The aggregate id is the Kafka record key and the CloudEvents
 * {@code subject}: the group id for group-scoped events (keeps a group's events in order on one
 * partition), otherwise the member id.
 */
public interface EventData {

    UUID aggregateId();
}
