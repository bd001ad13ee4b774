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

/** A partial update: fields left out (or null) stay as they are. */
@Schema(name = "UpdateGroupRequest")
public record UpdateGroupRequest(
        @Size(min = 1, max = 64) String name,
        GroupType type,
        @Size(max = 500) String purpose,
        @Size(max = 10000) String rules,
        @Min(1) @Max(100000) Integer capacity,
        @Valid AdmissionPolicy admission,
        @Min(1) @Max(100) Integer strikeLimit,
        @Size(max = 2000) String welcomeMessage,
        @Size(max = 5) Map<GroupRole, @NotBlank @Size(max = 32) String> roleTitles) {
}
