package io.shequn.member.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** What happened to every row, in request order. */
@Schema(name = "ImportResult")
public record ImportResult(long created, long updated, long rejected, List<Row> rows) {

    public enum Status { CREATED, UPDATED, REJECTED }

    @Schema(name = "ImportRowResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(@Schema(description = "Zero-based position in the request") int index,
                      String externalId,
                      Status status,
                      UUID memberId,
                      @Schema(example = "email: must be an email address") String reason) {
    }

    static ImportResult of(List<Row> rows) {
        return new ImportResult(
                rows.stream().filter(r -> r.status() == Status.CREATED).count(),
                rows.stream().filter(r -> r.status() == Status.UPDATED).count(),
                rows.stream().filter(r -> r.status() == Status.REJECTED).count(),
                rows);
    }
}
