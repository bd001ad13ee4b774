package io.shequn.group.roles;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "OwnershipTransferRequest")
public record OwnershipTransferRequest(
        @Schema(required = true, description = "A current member who becomes the owner") @NotNull UUID newOwnerId) {
}
