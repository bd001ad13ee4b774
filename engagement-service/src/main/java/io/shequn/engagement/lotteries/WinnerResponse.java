package io.shequn.engagement.lotteries;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "LotteryWinner")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WinnerResponse(
        @Schema(example = "1", description = "the order in which winners were drawn, from 1") int draw,
        @Schema(example = "1") int prizePosition,
        String prize,
        UUID memberId,
        @Schema(description = "points credited with the prize") Long points) {
}
