package io.shequn.group.templates;

import io.shequn.contracts.events.GroupRole;
import io.shequn.group.groups.AdmissionMode;
import io.shequn.group.groups.AdmissionPolicy;
import io.shequn.group.groups.Group;
import io.shequn.group.groups.GroupService;
import io.shequn.group.groups.GroupSetup;
import io.shequn.group.roles.Action;
import io.shequn.group.roles.GroupAccess;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Group templates: saved from a group or written from scratch, stamped into new groups, counted. */
@ApplicationScoped
public class TemplateService {

    @Inject
    GroupTemplateRepository templates;

    @Inject
    GroupService groups;

    @Inject
    GroupAccess access;

    @Inject
    Clock clock;

    @Transactional
    public TemplateResponse create(CreateTemplateRequest request) {
        GroupSetup defaults = GroupSetup.defaults();
        GroupSetup setup = new GroupSetup(request.type(), request.purpose(), request.rules(),
                request.capacity() != null ? request.capacity() : defaults.capacity(),
                request.timeZone() != null ? request.timeZone() : defaults.timeZone(),
                request.admission() != null ? request.admission() : defaults.admission(),
                request.strikeLimit() != null ? request.strikeLimit() : defaults.strikeLimit(),
                request.welcomeMessage(), request.roleTitles());
        return store(request.name(), request.description(), null, setup);
    }

    /** Owner, admins and operators save a group's setup (type, rules, admission, capacity, role titles, welcome). */
    @Transactional
    public TemplateResponse saveFromGroup(UUID groupId, SaveAsTemplateRequest request) {
        Group group = groups.find(groupId);
        access.require(Action.SAVE_AS_TEMPLATE, groupId);
        return store(request.name(), request.description(), groupId, GroupService.setupOf(group));
    }

    @Transactional
    public TemplateResponse get(UUID templateId) {
        return response(find(templateId));
    }

    /** Most used first. */
    @Transactional
    public Page<TemplateResponse> list(PageRequest page) {
        return Page.of(templates.page(page.offset(), page.size()).stream().map(TemplateService::response).toList(),
                page, templates.count());
    }

    /** Where a new group starts: the defaults, or the template's setup. */
    public GroupSetup startingPoint(UUID templateId) {
        return templateId == null ? GroupSetup.defaults() : setupOf(find(templateId));
    }

    /** One more group was created from the template (an atomic increment: concurrent creations all count). */
    public void recordUse(UUID templateId) {
        templates.update("useCount = useCount + 1 where id = ?1", templateId);
    }

    private TemplateResponse store(String name, String description, UUID sourceGroupId, GroupSetup setup) {
        if (setup.type() == null) {
            throw GroupService.invalid("type", "is required");
        }
        GroupService.validate(setup);
        GroupTemplate template = new GroupTemplate();
        template.id = UUID.randomUUID();
        template.name = name.strip();
        template.description = description == null || description.isBlank() ? null : description.strip();
        template.createdBy = access.callerId();
        template.sourceGroupId = sourceGroupId;
        template.type = setup.type();
        template.purpose = setup.purpose();
        template.rules = setup.rules();
        template.capacity = setup.capacity();
        template.timeZone = setup.timeZone();
        AdmissionPolicy admission = setup.admission();
        template.admissionMode = admission.mode();
        template.requireVerified = admission.requireVerified();
        template.requiredIntroFields = List.copyOf(admission.requiredIntroFields());
        boolean paid = admission.mode() == AdmissionMode.PAID;
        template.entryFeeAmount = paid ? admission.entryFee().amount() : null;
        template.entryFeeCurrency = paid ? admission.entryFee().currency() : null;
        template.strikeLimit = setup.strikeLimit();
        template.welcomeMessage = setup.welcomeMessage();
        Map<String, String> titles = new TreeMap<>();
        setup.roleTitles().forEach((role, title) -> titles.put(role.name(), title.strip()));
        template.roleTitles = titles;
        template.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        templates.persist(template);
        return response(template);
    }

    private GroupTemplate find(UUID templateId) {
        return templates.findByIdOptional(templateId).orElseThrow(() -> ProblemException.notFound("Template", templateId));
    }

    private static GroupSetup setupOf(GroupTemplate t) {
        return new GroupSetup(t.type, t.purpose, t.rules, t.capacity, t.timeZone, policyOf(t), t.strikeLimit,
                t.welcomeMessage, titlesOf(t));
    }

    private static AdmissionPolicy policyOf(GroupTemplate t) {
        AdmissionPolicy.EntryFee fee = t.entryFeeAmount == null ? null
                : new AdmissionPolicy.EntryFee(t.entryFeeAmount, t.entryFeeCurrency);
        return new AdmissionPolicy(t.admissionMode, t.requireVerified, t.requiredIntroFields, fee);
    }

    private static Map<GroupRole, String> titlesOf(GroupTemplate t) {
        Map<GroupRole, String> titles = new TreeMap<>();
        t.roleTitles.forEach((role, title) -> titles.put(GroupRole.valueOf(role), title));
        return titles;
    }

    private static TemplateResponse response(GroupTemplate t) {
        return new TemplateResponse(t.id, t.name, t.description, t.createdBy, t.sourceGroupId, t.type, t.purpose,
                t.rules, t.capacity, t.timeZone, policyOf(t), t.strikeLimit, t.welcomeMessage, titlesOf(t), t.useCount,
                t.createdAt);
    }
}
