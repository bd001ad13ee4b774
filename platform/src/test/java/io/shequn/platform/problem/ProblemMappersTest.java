package io.shequn.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMappersTest {

    record Prize(@NotBlank String name, @NotNull @Max(1000) Integer quantity) {
    }

    record Lottery(@NotBlank String title, List<@Valid @NotNull Prize> prizes, List<@Size(max = 3) String> tags,
                   Map<String, @Valid Prize> byCode) {
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    /** A violation is named the way the client wrote the field: an index belongs to the list before it. */
    @Test
    void fieldNamesPutEachIndexAfterItsContainer() {
        Set<ConstraintViolation<Lottery>> violations = validator.validate(new Lottery("",
                List.of(new Prize("ok", 1), new Prize("big", 1001)), List.of("a", "long"), Map.of("x", new Prize(" ", 1))));

        assertThat(violations).extracting(ProblemMappers::fieldName)
                .containsExactlyInAnyOrder("title", "prizes[1].quantity", "tags[1]", "byCode[x].name");
    }
}
