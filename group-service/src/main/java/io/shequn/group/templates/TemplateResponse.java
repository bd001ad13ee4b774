package io.shequn.group.templates;

import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.GroupType;
import io.shequn.group.groups.AdmissionPolicy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Schema(name = "Template")
public record TemplateResponse(
        UUID id,
        String name,
        String description,
        UUID createdBy,
        @Schema(description = "The group it was saved from, if any") UUID sourceGroupId,
        GroupType type,
        String purpose,
        String rules,
        int capacity,
        String timeZone,
        AdmissionPolicy admission,
        int strikeLimit,
        String welcomeMessage,
        Map<GroupRole, String> roleTitles,
        @Schema(description = "How many groups were created from it", example = "7") int usedCount,
        Instant createdAt) {
}
