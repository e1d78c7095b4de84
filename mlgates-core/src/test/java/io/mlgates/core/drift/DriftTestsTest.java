package io.mlgates.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.mlgates.core.drift.DriftPolicy.ColumnRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Undefined cases, data-set drift and the policy's requests, derived by hand. */
class DriftTestsTest {
    private static NumericSummary numbers(double... values) {
        NumericTally tally = new NumericTally(SketchSettings.DEFAULT);
        for (double v : values) {
            tally.add(v);
        }
        return tally.summary();
    }

    private static CategoricalSummary categories(String... values) {
        CategoryTally tally = new CategoryTally();
        for (String v : values) {
            if (v == null) {
                tally.addNull();
            } else {
                tally.add(v);
            }
        }
        return tally.summary();
    }

    @Test
    void aColumnPresentOnOneSideOnlyIsUndefinedWithTheReason() {
        ColumnDrift drift = DriftTests.judge(Optional.of(numbers(1, 2, 3, 4, 5, 6, 7)), Optional.empty(),
                ColumnRequest.AUTOMATIC);

        assertThat(drift.method()).isEqualTo(DriftMethod.KS);
        assertThat(drift.statistic().undefinedReason()).contains("the column is absent from the current data");
        assertThat(drift.pValue().orElseThrow().isDefined()).isFalse();
        assertThat(drift.drifted()).isEmpty();
        assertThat(drift.referenceRows()).isEqualTo(7);
        assertThat(drift.currentRows()).isZero();
    }

    @Test
    void aSideWithOnlyNullsIsUndefinedNeverZero() {
        NumericSummary allNull = numbers(Double.NaN, Double.POSITIVE_INFINITY, Double.NaN);
        assertThat(allNull.rows()).isEqualTo(3);
        assertThat(allNull.nulls()).isEqualTo(3);

        ColumnDrift drift = DriftTests.judge(Optional.of(numbers(1, 2, 3, 4, 5, 6, 7)), Optional.of(allNull),
                ColumnRequest.AUTOMATIC);

        assertThat(drift.statistic().undefinedReason()).contains("no values in the current data (3 rows, all null)");
        assertThat(drift.drifted()).isEmpty();
    }

    @Test
    void aColumnRetypedBetweenSidesIsUndefined() {
        ColumnDrift drift = DriftTests.judge(Optional.of(numbers(1, 2, 3)), Optional.of(categories("a", "b")),
                ColumnRequest.AUTOMATIC);

        assertThat(drift.statistic().undefinedReason())
                .contains("the column is numeric in the reference data but categorical in the current data");
    }

    @Test
    void aNumericMethodRequestedForACategoricalColumnIsUndefined() {
        ColumnDrift drift = DriftTests.judge(Optional.of(categories("a", "b", "c")),
                Optional.of(categories("a", "b")), new ColumnRequest(Optional.of(DriftMethod.WASSERSTEIN),
                        OptionalDouble.empty()));

        assertThat(drift.statistic().undefinedReason()).contains(
                "wasserstein applies to numeric columns; this one is categorical");
        assertThat(drift.pValue()).isEmpty();
    }

    @Test
    void aPolicysThresholdReplacesTheDefault() {
        // Two samples of 7 with no overlap: D = 1, exact p = 2 / C(14, 7) = 2 / 3432.
        NumericSummary ref = numbers(1, 2, 3, 4, 5, 6, 7);
        NumericSummary cur = numbers(11, 12, 13, 14, 15, 16, 17);

        ColumnDrift strict = DriftTests.judge(Optional.of(ref), Optional.of(cur),
                new ColumnRequest(Optional.empty(), OptionalDouble.of(0.0001)));

        assertThat(strict.statistic().value()).hasValue(1.0);
        assertThat(strict.pValue().orElseThrow().value().getAsDouble()).isCloseTo(2.0 / 3432, offset(1e-15));
        assertThat(strict.threshold()).isEqualTo(0.0001);
        assertThat(strict.drifted()).contains(false);
    }

    @Test
    void datasetDriftIsTheShareOfJudgedColumnsAgainstThePolicysShare() {
        NumericSummary ref = numbers(1, 2, 3, 4, 5, 6, 7);
        Map<String, ColumnSummary> reference = Map.of("same", ref, "moved", ref, "gone", ref);
        Map<String, ColumnSummary> current = Map.of("same", numbers(1, 2, 3, 4, 5, 6, 7),
                "moved", numbers(11, 12, 13, 14, 15, 16, 17));

        DriftReport report = DriftTests.judge(List.of("same", "moved", "gone"), reference, current,
                DriftPolicy.defaults());

        assertThat(report.columns()).containsOnlyKeys("same", "moved", "gone");
        assertThat(report.columns().get("same").drifted()).contains(false);
        assertThat(report.columns().get("moved").drifted()).contains(true);
        assertThat(report.columns().get("gone").drifted()).isEmpty();
        DatasetDrift dataset = report.dataset();
        assertThat(dataset.columns()).isEqualTo(2);
        assertThat(dataset.driftedColumns()).isEqualTo(1);
        assertThat(dataset.undefinedColumns()).isEqualTo(1);
        assertThat(dataset.share().value()).hasValue(0.5);
        assertThat(dataset.drifted()).contains(true); // Evidently: share >= 0.5
        assertThat(DriftTests.dataset(report.columns().values(), 0.6).drifted()).contains(false);
    }

    @Test
    void datasetDriftWithNoJudgedColumnIsUndefined() {
        DatasetDrift none = DriftTests.dataset(List.of(), 0.5);

        assertThat(none.share().undefinedReason()).contains("no column to judge");
        assertThat(none.drifted()).isEmpty();
    }

    @Test
    void sharedColumnsAreThoseBothSidesHaveInTheReferencesOrder() {
        Map<String, ColumnSummary> reference = new java.util.LinkedHashMap<>();
        reference.put("b", numbers(1));
        reference.put("a", numbers(1));
        reference.put("only-ref", numbers(1));

        assertThat(DriftTests.sharedColumns(reference, Map.of("a", numbers(2), "b", numbers(2), "x", numbers(2))))
                .containsExactly("b", "a");
    }

    @Test
    void methodsCompareScoresAsEvidentlyDoes() {
        assertThat(DriftMethod.KS.drifted(0.05, 0.05)).isTrue();
        assertThat(DriftMethod.CHI_SQUARE.drifted(0.05, 0.05)).isFalse();
        assertThat(DriftMethod.Z.drifted(0.05, 0.05)).isFalse();
        assertThat(DriftMethod.WASSERSTEIN.drifted(0.1, 0.1)).isTrue();
        assertThat(DriftMethod.byId("kl_div")).contains(DriftMethod.KL_DIVERGENCE);
        assertThat(DriftMethod.byId("nope")).isEmpty();
    }

    @Test
    void summariesRefuseInconsistentCounts() {
        assertThatThrownBy(() -> new CategoricalSummary(5, 1, Map.of("a", 3L)))
                .hasMessageContaining("the categories hold 3 rows, but 5 rows less 1 nulls leave 4");
        assertThatThrownBy(() -> ExactValues.of(new double[] {2, 1}, new long[] {1, 1}))
                .hasMessageContaining("strictly ascending");
        assertThatThrownBy(() -> new NumericSummary(3, 0, ExactValues.of(new double[] {1}, new long[] {2})))
                .hasMessageContaining("the distribution holds 2 values");
        assertThatThrownBy(() -> DriftValue.of(Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new DriftPolicy(0, Map.of())).hasMessageContaining("(0, 1]");
    }
}
