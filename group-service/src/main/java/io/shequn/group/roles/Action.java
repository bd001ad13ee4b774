package io.shequn.group.roles;

/** What a caller may try to do in a group; {@link GroupPermissions} decides. */
public enum Action {
    VIEW_MEMBERS,
    /** Applications, rejections, removals and bans, with their reasons (other members' current and past stays are VIEW_MEMBERS). */
    VIEW_MODERATION_RECORDS,
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
