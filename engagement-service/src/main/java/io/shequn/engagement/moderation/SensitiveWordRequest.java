package io.shequn.engagement.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Adds words to a list (or changes the action of words already in it). */
@Schema(name = "SensitiveWordsRequest")
public record SensitiveWordRequest(
        @NotEmpty @Size(max = 10_000) List<@Valid @NotNull Entry> words) {

    @Schema(name = "SensitiveWordEntry")
    public record Entry(
            @Schema(example = "代开发票", required = true) @NotBlank @Size(max = 64) String word,
            @Schema(example = "BLOCK", required = true) @NotNull WordAction action) {
    }
}
