package io.shequn.group.templates;

import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.GroupType;
import io.shequn.group.groups.AdmissionPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** A template written from scratch; fields left out take the group defaults (capacity 500, Asia/Shanghai, OPEN, 3 strikes). */
@Schema(name = "CreateTemplateRequest")
public record CreateTemplateRequest(
        @Schema(required = true, example = "Reading circle") @NotBlank @Size(max = 64) String name,
        @Size(max = 500) String description,
        @Schema(required = true, example = "LEARNING") @NotNull GroupType type,
        @Size(max = 500) String purpose,
        @Size(max = 10000) String rules,
        @Min(1) @Max(100000) Integer capacity,
        @Size(max = 64) String timeZone,
        @Valid AdmissionPolicy admission,
        @Min(1) @Max(100) Integer strikeLimit,
        @Size(max = 2000) String welcomeMessage,
        @Size(max = 5) Map<GroupRole, @NotBlank @Size(max = 32) String> roleTitles) {
}
