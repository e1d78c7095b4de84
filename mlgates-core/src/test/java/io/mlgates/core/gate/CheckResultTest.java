package io.mlgates.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CheckResultTest {
    private static CheckResult onUndefinedMetric(Status status) {
        return new CheckResult("limit:recall:min", status, Optional.of("recall"), OptionalDouble.empty(),
                Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(), "recall is undefined");
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"PASS", "WARN", "FAIL"})
    void aCheckOnAMetricWithoutAValueCannotBeAVerdict(Status status) {
        assertThatThrownBy(() -> onUndefinedMetric(status)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("check limit:recall:min on recall has no value, so it is ERROR or SKIPPED, not " + status);
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"ERROR", "SKIPPED"})
    void itIsAnErrorOrSkipped(Status status) {
        assertThat(onUndefinedMetric(status).status()).isEqualTo(status);
    }
}
