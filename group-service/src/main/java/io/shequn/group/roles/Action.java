package io.shequn.group.roles;

/** What a caller may try to do in a group; {@link GroupPermissions} decides. */
public enum Action {
    VIEW_MEMBERS,
    UPDATE_GROUP,
    ARCHIVE_GROUP,
    SAVE_AS_TEMPLATE,
    DECIDE_APPLICATION,
    REMOVE_MEMBER,
    BAN_MEMBER,
    UNBAN_MEMBER,
    ASSIGN_ROLE,
    TRANSFER_OWNERSHIP,
    VIEW_INVITE_STATS,
    MANAGE_STRIKES
}
