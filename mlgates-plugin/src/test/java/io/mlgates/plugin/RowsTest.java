package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.Limit;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricValue;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Checks and metrics as the result's page and the remote API show them. */
class RowsTest {
    @Test
    void aCheckShowsItsObservationIntervalLimitAndBaseline() {
        CheckRow row = new CheckRow(new CheckResult("limit:roc_auc:min", Status.FAIL, Optional.of("roc_auc"),
                OptionalDouble.of(0.80812), Optional.of(new Interval(0.757, 0.8592, 0.95, "delong")),
                Optional.of(new Limit(Limit.Comparison.AT_LEAST, 0.74, Limit.Judged.LOWER_BOUND)),
                OptionalDouble.of(0.805), Optional.empty(), "lower bound breaks"));

        assertThat(row.getObservedText()).isEqualTo("0.8081 [0.757, 0.8592] 95 % delong");
        assertThat(row.getLimit()).isEqualTo("≥ 0.74 on the lower bound");
        assertThat(row.getBaselineText()).isEqualTo("0.805");
        assertThat(row.getBadge()).isEqualTo("mlgates-fail");
        assertThat(row.getObserved()).isEqualTo(0.80812);
        assertThat(row.getSlice()).isNull();
    }

    @Test
    void aCheckWithoutLimitOrObservationShowsNothingForThem() {
        CheckRow row = new CheckRow(new CheckResult("limit:recall:min", Status.ERROR, Optional.of("recall"),
                OptionalDouble.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                Optional.of("sex=female"), "recall is undefined"));

        assertThat(row.getObservedText()).isEmpty();
        assertThat(row.getLimit()).isEmpty();
        assertThat(row.getObserved()).isNull();
        assertThat(row.getSlice()).isEqualTo("sex=female");
    }

    @Test
    void anUndefinedMetricShowsWhy() {
        MetricRow row = new MetricRow(MetricValue.undefined("recall", "no positive labels (0/0)"));

        assertThat(row.getValue()).isNull();
        assertThat(row.getValueText()).isEqualTo("undefined");
        assertThat(row.getDetail()).isEqualTo("no positive labels (0/0)");
        assertThat(row.getSource()).isEqualTo("computed");
    }

    @Test
    void aDefinedMetricShowsItsInterval() {
        MetricRow row = new MetricRow(MetricValue.of("accuracy", 0.75, new Interval(0.409, 0.929, 0.95, "wilson")));

        assertThat(row.getValueText()).isEqualTo("0.75");
        assertThat(row.getDetail()).isEqualTo("[0.409, 0.929] 95 % wilson");
        assertThat(row.getLow()).isEqualTo(0.409);
    }
}
