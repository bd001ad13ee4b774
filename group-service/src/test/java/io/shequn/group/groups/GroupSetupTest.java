package io.shequn.group.groups;

import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.GroupType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A new group starts from the defaults or a template; the create request's own fields win. */
class GroupSetupTest {

    @Test
    void theDefaults() {
        GroupSetup defaults = GroupSetup.defaults();
        assertThat(defaults.capacity()).isEqualTo(500);
        assertThat(defaults.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(defaults.strikeLimit()).isEqualTo(3);
        assertThat(defaults.admission().mode()).isEqualTo(AdmissionMode.OPEN);
        assertThat(defaults.type()).isNull();
    }

    @Test
    void requestFieldsOverrideTheTemplateAndMissingOnesAreKept() {
        GroupSetup template = new GroupSetup(GroupType.LEARNING, "Learn together", "One note a week", 50, "Asia/Tokyo",
                new AdmissionPolicy(AdmissionMode.APPROVAL, true, List.of("occupation"), null), 2, "Welcome",
                Map.of(GroupRole.ADMIN, "班长"));
        CreateGroupRequest request = new CreateGroupRequest("Circle #2", null, null, "Two notes a week", 80, null, null,
                null, null, null, null);

        GroupSetup setup = template.overlay(request);

        assertThat(setup.type()).isEqualTo(GroupType.LEARNING);
        assertThat(setup.purpose()).isEqualTo("Learn together");
        assertThat(setup.rules()).isEqualTo("Two notes a week");
        assertThat(setup.capacity()).isEqualTo(80);
        assertThat(setup.timeZone()).isEqualTo("Asia/Tokyo");
        assertThat(setup.admission().mode()).isEqualTo(AdmissionMode.APPROVAL);
        assertThat(setup.strikeLimit()).isEqualTo(2);
        assertThat(setup.roleTitles()).containsEntry(GroupRole.ADMIN, "班长");
    }
}
