package io.shequn.group.groups;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Where a new group's setup starts: the defaults, or a template once templates exist.
 * (Replaced by the templates feature; until then a template id is unknown.)
 */
@ApplicationScoped
public class GroupSetups {

    public GroupSetup startingPoint(UUID templateId) {
        if (templateId != null) {
            throw io.shequn.platform.problem.ProblemException.notFound("Template", templateId);
        }
        return GroupSetup.defaults();
    }

    public void recordUse(UUID templateId) {
    }
}
