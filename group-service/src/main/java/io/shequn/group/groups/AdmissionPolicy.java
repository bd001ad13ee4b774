package io.shequn.group.groups;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * How members get into a group. {@code requiredIntroFields} name the self-introduction answers
 * a joiner must give (or have in their profile: {@code region}, {@code occupation}).
 * {@code entryFee} is required for {@code PAID} and ignored otherwise.
 */
@Schema(name = "AdmissionPolicy")
public record AdmissionPolicy(
        @Schema(required = true, example = "APPROVAL") @NotNull AdmissionMode mode,
        @Schema(example = "true") boolean requireVerified,
        @Schema(example = "[\"region\", \"occupation\"]")
        @Size(max = 10) List<@NotNull @Pattern(regexp = "^[a-zA-Z][a-zA-Z0-9_]{0,31}$") String> requiredIntroFields,
        @Valid EntryFee entryFee) {

    public AdmissionPolicy {
        requiredIntroFields = requiredIntroFields == null ? List.of() : List.copyOf(requiredIntroFields);
    }

    public static AdmissionPolicy open() {
        return new AdmissionPolicy(AdmissionMode.OPEN, false, List.of(), null);
    }

    /** An entry fee in minor units (fen, cents) of an ISO 4217 currency. */
    @Schema(name = "EntryFee")
    public record EntryFee(
            @Schema(example = "9900", required = true) @jakarta.validation.constraints.Min(1) long amount,
            @Schema(example = "CNY", required = true) @NotNull @Pattern(regexp = "^[A-Z]{3}$") String currency) {
    }
}
