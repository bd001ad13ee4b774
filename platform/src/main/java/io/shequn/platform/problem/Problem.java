package io.shequn.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response
 * ({@code application/problem+json}). {@code violations} lists the fields of a 400.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://shequn.io/problems/validation") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "displayName: size must be between 1 and 64") String detail,
        @Schema(example = "/api/v1/members") String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://shequn.io/problems/";

    /** One invalid field of a request: its name as the client sent it, and why. */
    public record Violation(@Schema(example = "displayName") String field,
                            @Schema(example = "size must be between 1 and 64") String message) {
    }
}
