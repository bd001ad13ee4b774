package io.shequn.group.roles;

import io.shequn.contracts.events.GroupRole;

/** Who acts on a group: their role in it ({@code null} when not a current member) and whether they are an operator. */
public record Actor(GroupRole role, boolean operator) {

    public static Actor member(GroupRole role) {
        return new Actor(role, false);
    }

    public static Actor outsider() {
        return new Actor(null, false);
    }

    public static Actor operatorWith(GroupRole role) {
        return new Actor(role, true);
    }
}
