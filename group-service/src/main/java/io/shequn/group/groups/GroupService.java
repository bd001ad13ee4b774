package io.shequn.group.groups;

import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupCreated;
import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.JoinVia;
import io.shequn.contracts.events.MemberJoined;
import io.shequn.group.membership.Membership;
import io.shequn.group.membership.MembershipRepository;
import io.shequn.group.membership.MembershipStatus;
import io.shequn.group.roles.Action;
import io.shequn.group.roles.GroupAccess;
import io.shequn.platform.outbox.Outbox;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

@ApplicationScoped
public class GroupService {

    private static final Logger LOG = Logger.getLogger(GroupService.class);

    @Inject
    GroupRepository groups;

    @Inject
    MembershipRepository memberships;

    @Inject
    GroupAccess access;

    @Inject
    io.shequn.group.templates.TemplateService setups;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Creates the group with the caller as its owner: one transaction stores the group, the
     * owner's membership, {@code group-created} and the owner's {@code member-joined}.
     */
    @Transactional
    public GroupResponse create(CreateGroupRequest request, UUID ownerId) {
        GroupSetup setup = setups.startingPoint(request.templateId()).overlay(request);
        if (setup.type() == null) {
            throw invalid("type", "is required unless the group is created from a template");
        }
        Instant now = now();
        Group group = new Group();
        group.id = UUID.randomUUID();
        group.name = request.name().strip();
        group.ownerId = ownerId;
        group.status = GroupStatus.ACTIVE;
        group.templateId = request.templateId();
        group.createdAt = now;
        apply(group, setup);
        group.updatedAt = now;
        groups.persist(group);
        memberships.persist(new Membership(group.id, ownerId, MembershipStatus.ACTIVE, GroupRole.OWNER, JoinVia.OWNER,
                null, null, Map.of(), now));
        outbox.publish(Events.GROUP_CREATED, new GroupCreated(group.id, group.name, group.type, ownerId,
                ZoneId.of(group.timeZone), group.templateId, now), now);
        outbox.publish(Events.MEMBER_JOINED, new MemberJoined(group.id, ownerId, GroupRole.OWNER, JoinVia.OWNER,
                null, now), now);
        if (group.templateId != null) {
            setups.recordUse(group.templateId);
        }
        LOG.infof("Group %s created by %s", group.id, ownerId);
        return GroupResponse.of(group, 1);
    }

    @Transactional
    public GroupResponse get(UUID groupId) {
        Group group = find(groupId);
        return GroupResponse.of(group, memberships.countActive(groupId));
    }

    /** Owner, admins and operators; lowering the capacity below the current members is refused. */
    @Transactional
    public GroupResponse update(UUID groupId, UpdateGroupRequest request) {
        Group group = lock(groupId);
        access.require(Action.UPDATE_GROUP, groupId);
        long members = memberships.countActive(groupId);
        GroupSetup current = setupOf(group);
        GroupSetup changed = new GroupSetup(
                request.type() != null ? request.type() : current.type(),
                request.purpose() != null ? request.purpose() : current.purpose(),
                request.rules() != null ? request.rules() : current.rules(),
                request.capacity() != null ? request.capacity() : current.capacity(),
                current.timeZone(),
                request.admission() != null ? request.admission() : current.admission(),
                request.strikeLimit() != null ? request.strikeLimit() : current.strikeLimit(),
                request.welcomeMessage() != null ? request.welcomeMessage() : current.welcomeMessage(),
                request.roleTitles() != null ? request.roleTitles() : current.roleTitles());
        if (changed.capacity() < members) {
            throw ProblemException.conflict("capacity-below-members",
                    "The group has " + members + " members; capacity cannot be " + changed.capacity());
        }
        if (request.name() != null) {
            if (request.name().isBlank()) {
                throw invalid("name", "must not be blank");
            }
            group.name = request.name().strip();
        }
        apply(group, changed);
        group.updatedAt = now();
        return GroupResponse.of(group, members);
    }

    /** Owner and operators. An archived group admits nobody; its members stay. */
    @Transactional
    public GroupResponse archive(UUID groupId) {
        Group group = lock(groupId);
        access.require(Action.ARCHIVE_GROUP, groupId);
        group.status = GroupStatus.ARCHIVED;
        group.updatedAt = now();
        LOG.infof("Group %s archived", groupId);
        return GroupResponse.of(group, memberships.countActive(groupId));
    }

    @Transactional
    public Page<GroupResponse> list(GroupStatus status, PageRequest page) {
        List<Group> found = groups.page(status, page.offset(), page.size());
        return Page.of(found.stream().map(g -> GroupResponse.of(g, memberships.countActive(g.id))).toList(), page, groups.count(status));
    }

    /** The group, or 404. */
    public Group find(UUID groupId) {
        return groups.findByIdOptional(groupId).orElseThrow(() -> ProblemException.notFound("Group", groupId));
    }

    /**
     * The group, locked for the rest of the transaction ({@code select ... for update}): every
     * change of who is in a group goes through this lock, so capacity holds under concurrent joins.
     */
    public Group lock(UUID groupId) {
        return groups.lock(groupId).orElseThrow(() -> ProblemException.notFound("Group", groupId));
    }

    public static GroupSetup setupOf(Group group) {
        Map<GroupRole, String> titles = new TreeMap<>();
        group.roleTitles.forEach((role, title) -> titles.put(GroupRole.valueOf(role), title));
        return new GroupSetup(group.type, group.purpose, group.rules, group.capacity, group.timeZone,
                GroupResponse.policyOf(group), group.strikeLimit, group.welcomeMessage, titles);
    }

    private static void apply(Group group, GroupSetup setup) {
        validate(setup);
        group.type = setup.type();
        group.purpose = blankToNull(setup.purpose());
        group.rules = blankToNull(setup.rules());
        group.capacity = setup.capacity();
        group.timeZone = setup.timeZone();
        AdmissionPolicy admission = setup.admission();
        group.admissionMode = admission.mode();
        group.requireVerified = admission.requireVerified();
        group.requiredIntroFields = List.copyOf(admission.requiredIntroFields());
        boolean paid = admission.mode() == AdmissionMode.PAID;
        group.entryFeeAmount = paid ? admission.entryFee().amount() : null;
        group.entryFeeCurrency = paid ? admission.entryFee().currency() : null;
        group.strikeLimit = setup.strikeLimit();
        group.welcomeMessage = blankToNull(setup.welcomeMessage());
        Map<String, String> titles = new TreeMap<>();
        setup.roleTitles().forEach((role, title) -> titles.put(role.name(), title.strip()));
        group.roleTitles = titles;
    }

    public static void validate(GroupSetup setup) {
        try {
            ZoneId.of(setup.timeZone());
        } catch (DateTimeException e) {
            throw invalid("timeZone", "is not a known time zone");
        }
        if (setup.admission().mode() == AdmissionMode.PAID && setup.admission().entryFee() == null) {
            throw invalid("admission.entryFee", "is required for PAID admission");
        }
    }

    public static ProblemException invalid(String field, String message) {
        return ProblemException.invalid(field, message);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
