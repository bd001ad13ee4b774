package io.shequn.group.roles;

import io.shequn.contracts.events.GroupRole;

import java.util.Optional;

/**
 * The permission matrix of a group. Ranks: OWNER > ADMIN > KOL = LECTURER > MEMBER.
 *
 * <ul>
 * <li>Any current member sees who is in the group and who left on their own; applications,
 * rejections, removals and bans (with their reasons) only the owner and admins, as the
 * application and ban lists; operators see everything. Each member sees their own records.</li>
 * <li>Owner and admins update the group, decide applications, unban, see invite stats, manage
 * strikes and save the group as a template. Only the owner archives it and transfers ownership.</li>
 * <li>Owner and admins remove and ban members <em>below their own rank</em>: an admin cannot
 * remove the owner or another admin.</li>
 * <li>Owner and admins assign KOL, LECTURER and MEMBER to members below admin; only the owner
 * makes or unmakes admins. Nobody assigns OWNER (ownership is transferred) or changes the
 * owner's role.</li>
 * <li>Operators may do everything except what would leave a group without its one owner.</li>
 * </ul>
 *
 * Members manage only themselves (join, leave, their invite code): those need no permission here.
 */
public final class GroupPermissions {

    private GroupPermissions() {
    }

    public static int rank(GroupRole role) {
        return switch (role) {
            case OWNER -> 4;
            case ADMIN -> 3;
            case KOL, LECTURER -> 2;
            case MEMBER -> 1;
        };
    }

    public static boolean allows(Action action, Actor actor) {
        return denial(action, actor, null, null).isEmpty();
    }

    public static boolean allows(Action action, Actor actor, GroupRole target) {
        return denial(action, actor, target, null).isEmpty();
    }

    public static boolean allowsRoleChange(Actor actor, GroupRole target, GroupRole newRole) {
        return denial(Action.ASSIGN_ROLE, actor, target, newRole).isEmpty();
    }

    /**
     * Why {@code actor} may not do {@code action} to a member whose role is {@code target}
     * (giving them {@code newRole} for {@link Action#ASSIGN_ROLE}); empty when allowed.
     */
    public static Optional<String> denial(Action action, Actor actor, GroupRole target, GroupRole newRole) {
        if ((action == Action.REMOVE_MEMBER || action == Action.BAN_MEMBER || action == Action.ASSIGN_ROLE)
                && target == GroupRole.OWNER) {
            return Optional.of("The owner's membership and role change only by transferring ownership");
        }
        if (action == Action.ASSIGN_ROLE && newRole == GroupRole.OWNER) {
            return Optional.of("OWNER is not assigned; transfer ownership instead");
        }
        if (actor.operator()) {
            return Optional.empty();
        }
        GroupRole role = actor.role();
        if (role == null) {
            return Optional.of("Only members of the group may do this");
        }
        boolean manager = role == GroupRole.OWNER || role == GroupRole.ADMIN;
        return switch (action) {
            case VIEW_MEMBERS -> Optional.empty();
            case UPDATE_GROUP, SAVE_AS_TEMPLATE, DECIDE_APPLICATION, UNBAN_MEMBER, VIEW_INVITE_STATS, MANAGE_STRIKES,
                 VIEW_MODERATION_RECORDS ->
                    manager ? Optional.empty() : Optional.of("Only the owner and admins may do this");
            case ARCHIVE_GROUP, TRANSFER_OWNERSHIP ->
                    role == GroupRole.OWNER ? Optional.empty() : Optional.of("Only the owner may do this");
            case REMOVE_MEMBER, BAN_MEMBER -> {
                if (!manager) {
                    yield Optional.of("Only the owner and admins remove or ban members");
                }
                GroupRole targetRole = target == null ? GroupRole.MEMBER : target;
                yield rank(role) > rank(targetRole) ? Optional.empty()
                        : Optional.of("A " + role + " cannot remove or ban a " + targetRole);
            }
            case ASSIGN_ROLE -> {
                if (!manager) {
                    yield Optional.of("Only the owner and admins assign roles");
                }
                boolean touchesAdmin = target == GroupRole.ADMIN || newRole == GroupRole.ADMIN;
                yield touchesAdmin && role != GroupRole.OWNER
                        ? Optional.of("Only the owner makes or unmakes admins") : Optional.empty();
            }
        };
    }
}
