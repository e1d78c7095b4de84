package io.mlgates.core.gate;

import io.mlgates.core.release.CurrentPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.release.Promoter;
import io.mlgates.core.release.PromotionOutcome;
import io.mlgates.core.release.PromotionRequest;
import io.mlgates.core.workspace.Workspace;
import io.mlgates.core.testing.FixedClock;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled example, judged as a user would: against Weka's own figure and scikit-learn's. */
class CreditRiskExampleTest {
    private static final SeenChainHead NOT_READ = SeenChainHead.none(".mlgates/registry.db", "not read");
    private static final Path EXAMPLE = Path.of("..", "examples", "credit-risk");
    private static GateResult result;

    @BeforeAll
    static void judge() throws Exception {
        Workspace ws = Workspace.at(EXAMPLE);
        result = new ValidationGate().evaluate(ValidationRequest.of(ws, new PolicyLoader().loadFromRepository(ws.root()),
                FixedClock.CLOCK));
    }

    @Test
    @DisplayName("the example's road to production: staging takes the validate and ethics gates' WARN (the ethics"
            + " one with its waivers) without approvals; production needs two credit risk officers and the Tuesday"
            + " train")
    void roadToProduction(@TempDir Path tmp) throws Exception {
        PromotionPolicy road = new PolicyLoader().loadFromRepository(EXAMPLE).policy().promotion();
        assertThat(road.stages()).extracting(StagePolicy::name).containsExactly("staging", "production");
        StagePolicy staging = road.stages().get(0);
        assertThat(staging.gates()).containsExactly("validate", "ethics");
        assertThat(staging.acceptWarn()).isTrue();
        assertThat(staging.approvals()).isEmpty();
        assertThat(staging.train()).isFalse();
        StagePolicy production = road.stages().get(1);
        assertThat(production.approvals()).hasValueSatisfying(a -> {
            assertThat(a.quorum()).isEqualTo(2);
            assertThat(road.members(a.group())).hasSize(3);
        });
        assertThat(production.train()).isTrue();

        Clock clock = FixedClock.CLOCK;
        Workspace ws = Workspace.at(EXAMPLE);
        GateResult ethics = new EthicsGate().evaluate(new EthicsRequest(ws,
                new PolicyLoader().loadFromRepository(ws.root()), Optional.empty(), Optional.empty(), Map.of(),
                ProgressListener.NONE, clock, NOT_READ, ColumnChoice.none()));
        assertThat(ethics.status()).isEqualTo(Status.WARN);
        try (SqliteRegistry registry = SqliteRegistry.open(tmp.resolve("registry.db"), "registry.db", clock)) {
            PromotionOutcome outcome = new Promoter(registry, clock).promote(new PromotionRequest("credit-risk",
                    result.candidate(), road, "staging", Map.of("validate", result, "ethics", ethics), "ci", "alice", "model",
                    Optional.empty(), Optional.empty(), new CurrentPolicy("mlgates.yaml", result.policyDigest(),
                    Optional.empty())));
            assertThat(outcome.result()).isEqualTo(PromotionOutcome.Result.PROMOTED);
        }
    }

    @Test
    @DisplayName("ROC AUC equals the ROC area Weka reports for the same predictions")
    void rocAucEqualsWeka() throws Exception {
        JsonNode weka = new ObjectMapper().readTree(EXAMPLE.resolve("eval/weka-roc-area.json").toFile());
        assertThat(result.metrics().get("roc_auc").value().getAsDouble())
                .isEqualTo(weka.get("roc_area").asDouble(), within(1e-9));
    }

    @Test
    @DisplayName("every binary metric equals scikit-learn's on the example's 300 held-out rows, to 1e-9")
    void metricsEqualScikitLearn() throws Exception {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("credit-risk-sklearn.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        assertThat(result.data().rows()).isEqualTo(expected.get("rows").asLong());
        for (Map.Entry<String, JsonNode> e : expected.get("metrics").properties()) {
            assertThat(result.metrics().get(e.getKey()).value().getAsDouble()).as(e.getKey())
                    .isEqualTo(e.getValue().asDouble(), within(1e-9));
        }
    }

    @Test
    @DisplayName("the example's inputs drift in one column of 20, credit_history, with scipy's chi-square p-value")
    void drift() {
        io.mlgates.core.drift.DriftReport drift = result.drift().orElseThrow();
        assertThat(drift.columns()).hasSize(20);
        io.mlgates.core.drift.ColumnDrift history = drift.columns().get("credit_history");
        assertThat(history.method()).isEqualTo(io.mlgates.core.drift.DriftMethod.CHI_SQUARE);
        // scipy.stats.chisquare on the example's files (tools/drift_gate_expected.py)
        assertThat(history.statistic().value().getAsDouble()).isCloseTo(12.018282272224397, within(1e-9));
        assertThat(history.pValue().orElseThrow().value().getAsDouble()).isCloseTo(0.01721583012399111,
                within(1e-12));
        assertThat(drift.dataset().driftedColumns()).isEqualTo(1);
        assertThat(drift.dataset().drifted()).contains(false);
        assertThat(result.evidence().inputs()).extracting(Evidence.Input::file)
                .contains("data/reference-profile.json", "eval/features.csv");
    }

    @Test
    @DisplayName("the example's verdict is WARN: recall under the team's wish, every fail limit kept, 60+ skipped")
    void verdict() {
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.checks()).filteredOn(c -> c.status() == Status.WARN).extracting(CheckResult::id)
                .containsExactly("limit:recall:min", "drift:credit_history");
        assertThat(result.checks()).filteredOn(c -> c.status() == Status.SKIPPED).extracting(CheckResult::id)
                .containsExactly("schema:production", "slice:age_band=60+:recall");
        // the inputs are in the feature file data.current names, checked against the feature list's declarations
        assertThat(result.checks()).filteredOn(c -> c.id().equals("schema:data")).singleElement()
                .satisfies(c -> assertThat(c.message()).isEqualTo("every value of the 20 inputs of"
                        + " model/features.json in eval/features.csv (300 rows) is as declared"));
        assertThat(result.checks()).noneMatch(c -> c.status() == Status.FAIL || c.status() == Status.ERROR);
        assertThat(result.metrics().get("reported.cv_roc_auc").source())
                .isEqualTo(io.mlgates.core.metrics.MetricSource.REPORTED);
    }

    @Test
    @DisplayName("the example's ethics verdict is WARN: documentation and licence pass on the real files, the"
            + " age disparity is found and waived with its reason, intervals straddle the limits")
    void ethicsVerdict() throws Exception {
        Workspace ws = Workspace.at(EXAMPLE);
        GateResult ethics = new EthicsGate().evaluate(new EthicsRequest(ws,
                new PolicyLoader().loadFromRepository(ws.root()), Optional.empty(), Optional.empty(), Map.of(),
                ProgressListener.NONE, FixedClock.CLOCK, NOT_READ,
                ColumnChoice.none()));
        assertThat(ethics.status()).isEqualTo(Status.WARN);
        assertThat(ethics.checks()).noneMatch(c -> c.status() == Status.FAIL || c.status() == Status.ERROR);
        assertThat(ethics.checks()).filteredOn(c -> c.id().startsWith("docs:") || c.id().startsWith("licence:"))
                .filteredOn(c -> !c.id().startsWith("docs:protected_attribute:"))
                .extracting(CheckResult::status).containsOnly(Status.PASS);
        assertThat(ethics.checks()).filteredOn(c -> c.status() == Status.WAIVED).extracting(CheckResult::id)
                .containsExactly("fairness:age_band:four_fifths:<25", "docs:protected_attribute:personal_status",
                        "docs:protected_attribute:age", "docs:protected_attribute:foreign_worker");
        CheckResult under25 = ethics.checks().stream()
                .filter(c -> c.id().equals("fairness:age_band:four_fifths:<25")).findFirst().orElseThrow();
        assertThat(under25.waiver().orElseThrow().was()).isEqualTo(Status.FAIL);
        assertThat(under25.message()).contains("adverse impact");
        assertThat(ethics.fairness().orElseThrow().attributes()).containsOnlyKeys("sex", "age_band",
                "sex&age_band");
    }

    @Test
    @DisplayName("once the example's waivers expire, the ethics gate FAILs on what they excused")
    void ethicsAfterTheWaiversExpire() throws Exception {
        Workspace ws = Workspace.at(EXAMPLE);
        GateResult ethics = new EthicsGate().evaluate(new EthicsRequest(ws,
                new PolicyLoader().loadFromRepository(ws.root()), Optional.empty(), Optional.empty(), Map.of(),
                ProgressListener.NONE, Clock.fixed(Instant.parse("2027-12-01T00:00:00Z"), ZoneOffset.UTC), NOT_READ,
                ColumnChoice.none()));
        assertThat(ethics.status()).isEqualTo(Status.FAIL);
        assertThat(ethics.checks()).filteredOn(c -> c.status() == Status.FAIL).extracting(CheckResult::id)
                .contains("fairness:age_band:four_fifths:<25", "waiver:docs:protected_attribute:*");
    }

    @Test
    @DisplayName("the result carries the example's curves: all 300 distinct scores fit in 200 points, ten bins")
    void curves() {
        io.mlgates.core.metrics.ScoreCurves curves = result.curves().orElseThrow();
        assertThat(curves.operatingPoints()).hasSizeBetween(100, 200);
        assertThat(curves.calibration()).hasSize(10);
        assertThat(curves.calibration().stream().mapToLong(b -> b.rows()).sum()).isEqualTo(300);
        double area = 0;
        double x = 0;
        double y = 0;
        for (io.mlgates.core.metrics.OperatingPoint p : curves.operatingPoints()) {
            area += (p.falsePositiveRate() - x) * (p.truePositiveRate() + y) / 2;
            x = p.falsePositiveRate();
            y = p.truePositiveRate();
        }
        assertThat(area).isCloseTo(result.metrics().get("roc_auc").value().getAsDouble(), within(2.0 / 199));
    }
}
