package io.shequn.member.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operator records a verification. */
@Schema(name = "VerificationRequest")
public record VerificationRequest(
        @Schema(required = true, example = "ID_CARD") @NotNull VerificationMethod method,
        @Schema(required = true, example = "KYC-2026-000731", description = "The operator's reference: a case number, never the ID number itself")
        @NotBlank @Size(max = 128) String reference) {
}
