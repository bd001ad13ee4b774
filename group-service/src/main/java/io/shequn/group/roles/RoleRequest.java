package io.shequn.group.roles;

import io.shequn.contracts.events.GroupRole;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RoleRequest")
public record RoleRequest(@Schema(required = true, example = "KOL") @NotNull GroupRole role) {
}
