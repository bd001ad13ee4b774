package io.shequn.group.groups;

import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.GroupType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;
import java.util.UUID;

/**
 * A member creates a group and becomes its owner. With {@code templateId} the group is stamped
 * from the template: every field left out here comes from it. Without one, {@code type} is required
 * and the defaults are capacity 500, time zone Asia/Shanghai, OPEN admission, strike limit 3.
 */
@Schema(name = "CreateGroupRequest")
public record CreateGroupRequest(
        @Schema(required = true, example = "Hangzhou Hikers") @NotBlank @Size(max = 64) String name,
        @Schema(example = "INTEREST") GroupType type,
        @Schema(example = "Weekend hikes around West Lake") @Size(max = 500) String purpose,
        @Schema(example = "1. Be kind. 2. No ads.") @Size(max = 10000) String rules,
        @Schema(example = "500") @Min(1) @Max(100000) Integer capacity,
        @Schema(example = "Asia/Shanghai") @Size(max = 64) String timeZone,
        @Valid AdmissionPolicy admission,
        @Schema(example = "3", description = "Moderation strikes that remove a member automatically")
        @Min(1) @Max(100) Integer strikeLimit,
        @Schema(example = "Welcome! Please introduce yourself.") @Size(max = 2000) String welcomeMessage,
        @Schema(example = "{\"ADMIN\": \"班长\", \"KOL\": \"达人\"}", description = "Custom titles shown for roles")
        @Size(max = 5) Map<GroupRole, @NotBlank @Size(max = 32) String> roleTitles,
        @Schema(description = "Stamp the group from this template") UUID templateId) {
}
