package io.mlgates.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.drift.DriftPolicy.ColumnRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every drift statistic against Evidently's definitions as computed by scipy and numpy
 * (tools/drift_expected.py, output committed as drift-expected.json).
 */
class DriftExpectedTest {
    private static final JsonNode EXPECTED = load();

    private static JsonNode load() {
        try (InputStream in = DriftExpectedTest.class.getResourceAsStream("drift-expected.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachCaseMatchesEvidentlyAndScipy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : EXPECTED.get("cases")) {
            ColumnSummary reference = summary(c.get("kind").asText(), c.get("reference"));
            ColumnSummary current = summary(c.get("kind").asText(), c.get("current"));
            boolean first = true;
            for (JsonNode r : c.get("results")) {
                boolean automatic = first;
                first = false;
                String name = c.get("name").asText() + ": " + r.get("method").asText()
                        + (automatic ? " (automatic)" : "");
                tests.add(DynamicTest.dynamicTest(name, () -> check(reference, current, r, automatic)));
            }
        }
        return tests.stream();
    }

    private static void check(ColumnSummary reference, ColumnSummary current, JsonNode expected, boolean automatic) {
        DriftMethod method = DriftMethod.byId(expected.get("method").asText()).orElseThrow();
        ColumnRequest request = automatic ? ColumnRequest.AUTOMATIC
                : new ColumnRequest(Optional.of(method), OptionalDouble.empty());

        ColumnDrift drift = DriftTests.judge(Optional.of(reference), Optional.of(current), request);

        assertThat(drift.method()).isEqualTo(method);
        assertThat(drift.threshold()).isEqualTo(expected.get("threshold").asDouble());
        assertThat(drift.referenceRows()).isEqualTo(reference.values());
        assertThat(drift.currentRows()).isEqualTo(current.values());
        assertThat(drift.errorBound()).isEmpty();
        if (expected.path("undefinedInGate").asBoolean()) {
            assertThat(drift.score().isDefined()).isFalse();
            assertThat(drift.score().undefinedReason()).isPresent();
            assertThat(drift.drifted()).isEmpty();
            return;
        }
        assertClose(drift.statistic(), expected.get("statistic"));
        if (method.isTest()) {
            assertClose(drift.pValue().orElseThrow(), expected.get("pValue"));
        } else {
            assertThat(drift.pValue()).isEmpty();
        }
        assertThat(drift.drifted()).contains(expected.get("drifted").asBoolean());
    }

    private static void assertClose(DriftValue actual, JsonNode expected) {
        if (expected.isNull()) {
            assertThat(actual.isDefined()).as("undefined, as scipy's value is infinite").isFalse();
            return;
        }
        double e = expected.asDouble();
        assertThat(actual.value()).isPresent();
        assertThat(actual.value().getAsDouble()).isCloseTo(e, within(1e-9 * Math.abs(e) + 1e-13));
    }

    @TestFactory
    Stream<DynamicTest> oneSampleKolmogorovSurvivalMatchesScipysKstwo() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode p : EXPECTED.get("kstwoSf")) {
            long n = p.get("n").asLong();
            double x = p.get("x").asDouble();
            double sf = p.get("sf").asDouble();
            tests.add(DynamicTest.dynamicTest("kstwo.sf(" + x + ", " + n + ")", () -> assertThat(
                    Kolmogorov.oneSampleSurvival(n, x)).isCloseTo(sf, within(1e-9 * sf + 1e-15))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> sketchedColumnsStayWithinTheirStatedBound() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : EXPECTED.get("sketched")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                NumericSummary reference = formula(c.get("reference"));
                NumericSummary current = formula(c.get("current"));
                assertThat(current.distribution()).isInstanceOf(QuantileSketch.class);
                for (DriftMethod method : List.of(DriftMethod.KS, DriftMethod.WASSERSTEIN)) {
                    ColumnDrift drift = DriftTests.judge(Optional.of(reference), Optional.of(current),
                            new ColumnRequest(Optional.of(method), OptionalDouble.empty()));
                    double exact = c.get(method == DriftMethod.KS ? "ks" : "wasserstein").asDouble();
                    ErrorBound bound = drift.errorBound().orElseThrow();
                    assertThat(bound.rankError()).isLessThan(0.002);
                    assertThat(drift.statistic().value().getAsDouble())
                            .isCloseTo(exact, within(bound.statisticError().getAsDouble()));
                }
            }));
        }
        return tests.stream();
    }

    private static NumericSummary formula(JsonNode f) {
        NumericTally tally = new NumericTally(SketchSettings.DEFAULT);
        long n = f.get("n").asLong();
        long multiplier = f.get("multiplier").asLong();
        long modulus = f.get("modulus").asLong();
        double divisor = f.get("divisor").asDouble();
        double scale = f.get("scale").asDouble();
        for (long i = 0; i < n; i++) {
            tally.add((i * multiplier) % modulus / divisor * scale);
        }
        return tally.summary();
    }

    /** The fixture's distinct values and counts, fed row by row through the streaming tallies. */
    private static ColumnSummary summary(String kind, JsonNode side) {
        JsonNode values = side.get("values");
        JsonNode counts = side.get("counts");
        if (kind.equals("numeric")) {
            NumericTally tally = new NumericTally(SketchSettings.DEFAULT);
            for (int i = 0; i < values.size(); i++) {
                for (long k = 0; k < counts.get(i).asLong(); k++) {
                    tally.add(values.get(i).asDouble());
                }
            }
            return tally.summary();
        }
        CategoryTally tally = new CategoryTally();
        for (int i = 0; i < values.size(); i++) {
            for (long k = 0; k < counts.get(i).asLong(); k++) {
                tally.add(values.get(i).asText());
            }
        }
        return tally.summary();
    }
}
