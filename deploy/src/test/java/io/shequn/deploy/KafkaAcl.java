package io.shequn.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.TreeSet;

/** One allowed operation on one Kafka resource, as a Strimzi simple-authorization rule grants it. */
record KafkaAcl(String resourceType, String name, String patternType, String operation) implements Comparable<KafkaAcl> {

    /** The topics that systems outside the suite publish into (the catalogue: chat bridges and shops). */
    static final Set<String> OUTSIDE_PUBLISHED = Set.of("message-posted", "purchase");

    /**
     * What a service's code needs and nothing more: write what it publishes; read what it
     * consumes and write that topic's dead letters; read with its consumer group and the groups
     * named after it (analytics' rebuild replays as {@code analytics-service-rebuild}).
     */
    static Set<KafkaAcl> neededBy(ServiceCode code) {
        Set<KafkaAcl> acls = new TreeSet<>();
        code.publishes().forEach(topic -> acls.add(topic(topic, "Write")));
        for (String topic : code.consumes()) {
            acls.add(topic(topic, "Read"));
            acls.add(topic(topic + ".dlq", "Write"));
        }
        if (!code.consumes().isEmpty()) {
            acls.add(new KafkaAcl("group", code.consumerGroup(), "prefix", "Read"));
        }
        return acls;
    }

    /** An outside publisher may write the topics outside systems publish into, nothing else. */
    static Set<KafkaAcl> outsidePublisher() {
        Set<KafkaAcl> acls = new TreeSet<>();
        OUTSIDE_PUBLISHED.forEach(topic -> acls.add(topic(topic, "Write")));
        return acls;
    }

    static KafkaAcl topic(String name, String operation) {
        return new KafkaAcl("topic", name, "literal", operation);
    }

    /** The allow rules of a KafkaUser; a deny rule or a host restriction is reported as a pseudo-rule so it cannot pass unnoticed. */
    static Set<KafkaAcl> grantedBy(JsonNode kafkaUser) {
        Set<KafkaAcl> acls = new TreeSet<>();
        for (JsonNode rule : kafkaUser.path("spec").path("authorization").path("acls")) {
            JsonNode resource = rule.path("resource");
            String type = rule.path("type").asText("allow");
            String host = rule.path("host").asText("*");
            for (JsonNode operation : rule.path("operations")) {
                String op = operation.asText() + ("allow".equals(type) ? "" : " (" + type + ")") + ("*".equals(host) ? "" : " (host " + host + ")");
                acls.add(new KafkaAcl(resource.path("type").asText(), resource.path("name").asText(""),
                        resource.path("patternType").asText("literal"), op));
            }
        }
        return acls;
    }

    /** The differences, readable: what is missing and what is granted beyond need. */
    static String diff(Set<KafkaAcl> needed, Set<KafkaAcl> granted) {
        Set<KafkaAcl> missing = new TreeSet<>(needed);
        missing.removeAll(granted);
        Set<KafkaAcl> extra = new TreeSet<>(granted);
        extra.removeAll(needed);
        StringBuilder text = new StringBuilder();
        missing.forEach(acl -> text.append("\n  missing: ").append(acl.yaml()));
        extra.forEach(acl -> text.append("\n  not needed: ").append(acl.yaml()));
        return text.toString();
    }

    /** As it is written in a KafkaUser, to paste. */
    String yaml() {
        return "- resource: {type: " + resourceType + ", name: " + name + ", patternType: " + patternType + "} operations: [" + operation + "]";
    }

    @Override
    public int compareTo(KafkaAcl other) {
        return toString().compareTo(other.toString());
    }
}
