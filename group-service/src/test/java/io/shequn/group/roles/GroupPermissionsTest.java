package io.shequn.group.roles;

import io.shequn.contracts.events.GroupRole;
import org.junit.jupiter.api.Test;

import static io.shequn.contracts.events.GroupRole.ADMIN;
import static io.shequn.contracts.events.GroupRole.KOL;
import static io.shequn.contracts.events.GroupRole.LECTURER;
import static io.shequn.contracts.events.GroupRole.MEMBER;
import static io.shequn.contracts.events.GroupRole.OWNER;
import static io.shequn.group.roles.Action.ARCHIVE_GROUP;
import static io.shequn.group.roles.Action.BAN_MEMBER;
import static io.shequn.group.roles.Action.DECIDE_APPLICATION;
import static io.shequn.group.roles.Action.MANAGE_STRIKES;
import static io.shequn.group.roles.Action.REMOVE_MEMBER;
import static io.shequn.group.roles.Action.TRANSFER_OWNERSHIP;
import static io.shequn.group.roles.Action.UNBAN_MEMBER;
import static io.shequn.group.roles.Action.UPDATE_GROUP;
import static io.shequn.group.roles.Action.VIEW_INVITE_STATS;
import static io.shequn.group.roles.Action.VIEW_MEMBERS;
import static io.shequn.group.roles.GroupPermissions.allows;
import static io.shequn.group.roles.GroupPermissions.allowsRoleChange;
import static org.assertj.core.api.Assertions.assertThat;

/** The permission matrix, cell by cell where it matters. */
class GroupPermissionsTest {

    private static final Actor OWNER_ = Actor.member(OWNER);
    private static final Actor ADMIN_ = Actor.member(ADMIN);
    private static final Actor KOL_ = Actor.member(KOL);
    private static final Actor LECTURER_ = Actor.member(LECTURER);
    private static final Actor MEMBER_ = Actor.member(MEMBER);
    private static final Actor OUTSIDER = Actor.outsider();
    private static final Actor OPERATOR = Actor.operatorWith(null);

    @Test
    void onlyOwnerAdminsAndOperatorsDecideApplications() {
        assertThat(allows(DECIDE_APPLICATION, OWNER_)).isTrue();
        assertThat(allows(DECIDE_APPLICATION, ADMIN_)).isTrue();
        assertThat(allows(DECIDE_APPLICATION, OPERATOR)).isTrue();
        assertThat(allows(DECIDE_APPLICATION, KOL_)).isFalse();
        assertThat(allows(DECIDE_APPLICATION, LECTURER_)).isFalse();
        assertThat(allows(DECIDE_APPLICATION, MEMBER_)).isFalse();
        assertThat(allows(DECIDE_APPLICATION, OUTSIDER)).isFalse();
    }

    @Test
    void onlyOwnerAdminsAndOperatorsSeeModerationRecords() {
        assertThat(allows(Action.VIEW_MODERATION_RECORDS, OWNER_)).isTrue();
        assertThat(allows(Action.VIEW_MODERATION_RECORDS, ADMIN_)).isTrue();
        assertThat(allows(Action.VIEW_MODERATION_RECORDS, OPERATOR)).isTrue();
        assertThat(allows(Action.VIEW_MODERATION_RECORDS, KOL_)).isFalse();
        assertThat(allows(Action.VIEW_MODERATION_RECORDS, MEMBER_)).isFalse();
        assertThat(allows(Action.VIEW_MODERATION_RECORDS, OUTSIDER)).isFalse();
    }

    @Test
    void removalAndBansGoStrictlyDownTheRanks() {
        for (Action action : new Action[]{REMOVE_MEMBER, BAN_MEMBER}) {
            assertThat(allows(action, OWNER_, ADMIN)).isTrue();
            assertThat(allows(action, OWNER_, KOL)).isTrue();
            assertThat(allows(action, OWNER_, MEMBER)).isTrue();
            assertThat(allows(action, ADMIN_, OWNER)).as("admin vs owner").isFalse();
            assertThat(allows(action, ADMIN_, ADMIN)).as("admin vs admin").isFalse();
            assertThat(allows(action, ADMIN_, KOL)).isTrue();
            assertThat(allows(action, ADMIN_, LECTURER)).isTrue();
            assertThat(allows(action, ADMIN_, MEMBER)).isTrue();
            assertThat(allows(action, KOL_, MEMBER)).as("a KOL cannot " + action).isFalse();
            assertThat(allows(action, LECTURER_, MEMBER)).isFalse();
            assertThat(allows(action, MEMBER_, MEMBER)).isFalse();
            assertThat(allows(action, OUTSIDER, MEMBER)).isFalse();
            assertThat(allows(action, OPERATOR, ADMIN)).isTrue();
            assertThat(allows(action, OPERATOR, OWNER)).as("nobody removes the owner").isFalse();
            assertThat(allows(action, OWNER_, OWNER)).isFalse();
        }
    }

    @Test
    void onlyTheOwnerMakesOrUnmakesAdmins() {
        assertThat(allowsRoleChange(OWNER_, MEMBER, ADMIN)).isTrue();
        assertThat(allowsRoleChange(OWNER_, ADMIN, MEMBER)).isTrue();
        assertThat(allowsRoleChange(ADMIN_, MEMBER, ADMIN)).isFalse();
        assertThat(allowsRoleChange(ADMIN_, ADMIN, MEMBER)).isFalse();
        assertThat(allowsRoleChange(OPERATOR, MEMBER, ADMIN)).isTrue();
    }

    @Test
    void ownerAndAdminsAssignKolAndLecturer() {
        assertThat(allowsRoleChange(OWNER_, MEMBER, KOL)).isTrue();
        assertThat(allowsRoleChange(ADMIN_, MEMBER, KOL)).isTrue();
        assertThat(allowsRoleChange(ADMIN_, KOL, LECTURER)).isTrue();
        assertThat(allowsRoleChange(ADMIN_, LECTURER, MEMBER)).isTrue();
        assertThat(allowsRoleChange(KOL_, MEMBER, KOL)).isFalse();
        assertThat(allowsRoleChange(MEMBER_, MEMBER, KOL)).isFalse();
        assertThat(allowsRoleChange(MEMBER_, MEMBER, LECTURER)).as("not even for oneself").isFalse();
    }

    @Test
    void ownerIsNeverAssignedAndTheOwnersRoleNeverChanges() {
        assertThat(allowsRoleChange(OWNER_, ADMIN, OWNER)).isFalse();
        assertThat(allowsRoleChange(OPERATOR, MEMBER, OWNER)).isFalse();
        assertThat(allowsRoleChange(OPERATOR, OWNER, ADMIN)).isFalse();
        assertThat(allowsRoleChange(OWNER_, OWNER, ADMIN)).isFalse();
    }

    @Test
    void onlyTheOwnerArchivesAndTransfers() {
        for (Action action : new Action[]{ARCHIVE_GROUP, TRANSFER_OWNERSHIP}) {
            assertThat(allows(action, OWNER_)).isTrue();
            assertThat(allows(action, OPERATOR)).isTrue();
            assertThat(allows(action, ADMIN_)).isFalse();
            assertThat(allows(action, MEMBER_)).isFalse();
        }
    }

    @Test
    void managementIsForOwnerAndAdmins() {
        for (Action action : new Action[]{UPDATE_GROUP, UNBAN_MEMBER, VIEW_INVITE_STATS, MANAGE_STRIKES}) {
            assertThat(allows(action, OWNER_)).isTrue();
            assertThat(allows(action, ADMIN_)).isTrue();
            assertThat(allows(action, KOL_)).isFalse();
            assertThat(allows(action, MEMBER_)).isFalse();
            assertThat(allows(action, OUTSIDER)).isFalse();
            assertThat(allows(action, OPERATOR)).isTrue();
        }
    }

    @Test
    void anyCurrentMemberSeesTheMemberListButOutsidersDoNot() {
        for (GroupRole role : GroupRole.values()) {
            assertThat(allows(VIEW_MEMBERS, Actor.member(role))).isTrue();
        }
        assertThat(allows(VIEW_MEMBERS, OUTSIDER)).isFalse();
        assertThat(allows(VIEW_MEMBERS, OPERATOR)).isTrue();
    }

    @Test
    void ranks() {
        assertThat(GroupPermissions.rank(OWNER)).isGreaterThan(GroupPermissions.rank(ADMIN));
        assertThat(GroupPermissions.rank(ADMIN)).isGreaterThan(GroupPermissions.rank(KOL));
        assertThat(GroupPermissions.rank(KOL)).isEqualTo(GroupPermissions.rank(LECTURER));
        assertThat(GroupPermissions.rank(LECTURER)).isGreaterThan(GroupPermissions.rank(MEMBER));
    }
}
