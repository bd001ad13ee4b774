package io.shequn.group.groups;

import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.GroupType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

@Schema(name = "Group")
public record GroupResponse(
        UUID id,
        @Schema(example = "Hangzhou Hikers") String name,
        GroupType type,
        String purpose,
        String rules,
        @Schema(example = "500") int capacity,
        @Schema(example = "42", description = "Current (active) members, the owner included") long memberCount,
        @Schema(example = "Asia/Shanghai") String timeZone,
        UUID ownerId,
        GroupStatus status,
        AdmissionPolicy admission,
        @Schema(example = "3") int strikeLimit,
        String welcomeMessage,
        Map<GroupRole, String> roleTitles,
        UUID templateId,
        Instant createdAt,
        Instant updatedAt) {

    public static GroupResponse of(Group group, long memberCount) {
        Map<GroupRole, String> titles = new TreeMap<>();
        group.roleTitles.forEach((role, title) -> titles.put(GroupRole.valueOf(role), title));
        return new GroupResponse(group.id, group.name, group.type, group.purpose, group.rules, group.capacity,
                memberCount, group.timeZone, group.ownerId, group.status, policyOf(group), group.strikeLimit,
                group.welcomeMessage, titles, group.templateId, group.createdAt, group.updatedAt);
    }

    static AdmissionPolicy policyOf(Group group) {
        AdmissionPolicy.EntryFee fee = group.entryFeeAmount == null ? null
                : new AdmissionPolicy.EntryFee(group.entryFeeAmount, group.entryFeeCurrency);
        return new AdmissionPolicy(group.admissionMode, group.requireVerified, group.requiredIntroFields, fee);
    }
}
