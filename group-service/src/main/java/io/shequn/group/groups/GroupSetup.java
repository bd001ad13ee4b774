package io.shequn.group.groups;

import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.GroupType;

import java.util.Map;

/**
 * Everything of a group but its identity: what a template stores and what a new group starts
 * from before the create request's own fields are laid over it.
 */
public record GroupSetup(
        GroupType type,
        String purpose,
        String rules,
        int capacity,
        String timeZone,
        AdmissionPolicy admission,
        int strikeLimit,
        String welcomeMessage,
        Map<GroupRole, String> roleTitles) {

    public static final int DEFAULT_CAPACITY = 500;
    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";
    public static final int DEFAULT_STRIKE_LIMIT = 3;

    public GroupSetup {
        roleTitles = roleTitles == null ? Map.of() : Map.copyOf(roleTitles);
        admission = admission == null ? AdmissionPolicy.open() : admission;
    }

    public static GroupSetup defaults() {
        return new GroupSetup(null, null, null, DEFAULT_CAPACITY, DEFAULT_TIME_ZONE, AdmissionPolicy.open(),
                DEFAULT_STRIKE_LIMIT, null, Map.of());
    }

    /** This setup with every non-null field of the request laid over it. */
    public GroupSetup overlay(CreateGroupRequest request) {
        return new GroupSetup(
                request.type() != null ? request.type() : type,
                request.purpose() != null ? request.purpose() : purpose,
                request.rules() != null ? request.rules() : rules,
                request.capacity() != null ? request.capacity() : capacity,
                request.timeZone() != null ? request.timeZone() : timeZone,
                request.admission() != null ? request.admission() : admission,
                request.strikeLimit() != null ? request.strikeLimit() : strikeLimit,
                request.welcomeMessage() != null ? request.welcomeMessage() : welcomeMessage,
                request.roleTitles() != null ? request.roleTitles() : roleTitles);
    }
}
