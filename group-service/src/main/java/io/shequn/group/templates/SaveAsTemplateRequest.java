package io.shequn.group.templates;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SaveAsTemplateRequest")
public record SaveAsTemplateRequest(
        @Schema(required = true, example = "Hikers playbook") @NotBlank @Size(max = 64) String name,
        @Size(max = 500) String description) {
}
