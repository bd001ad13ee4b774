package io.shequn.member.importing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Members brought in from an existing community. Rows are validated one by one (a bad row is
 * reported, never fatal), so the rows carry no cascading validation here.
 */
@Schema(name = "ImportRequest")
public record ImportRequest(
        @Schema(required = true, description = "1 to " + MemberImport.MAX_ROWS + " members")
        @NotNull @Size(min = 1, max = MemberImport.MAX_ROWS) List<ImportRow> members) {
}
