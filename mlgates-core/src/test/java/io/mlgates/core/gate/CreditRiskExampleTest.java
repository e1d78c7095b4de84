package io.mlgates.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.workspace.Workspace;
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

/** The bundled example, judged as a user would: against Weka's own figure and scikit-learn's. */
class CreditRiskExampleTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "credit-risk");
    private static GateResult result;

    @BeforeAll
    static void judge() throws Exception {
        Workspace ws = Workspace.at(EXAMPLE);
        result = new ValidationGate().evaluate(ValidationRequest.of(ws, new PolicyLoader().loadFromRepository(ws.root())));
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
    @DisplayName("the example's verdict is WARN: recall under the team's wish, every fail limit kept, 60+ skipped")
    void verdict() {
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.checks()).filteredOn(c -> c.status() == Status.WARN).extracting(CheckResult::id)
                .containsExactly("limit:recall:min");
        assertThat(result.checks()).filteredOn(c -> c.status() == Status.SKIPPED).extracting(CheckResult::id)
                .containsExactly("slice:age_band=60+:recall");
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
                new PolicyLoader().loadFromRepository(ws.root()), Optional.empty(), Optional.empty(),
                ProgressListener.NONE, Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC)));
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
                new PolicyLoader().loadFromRepository(ws.root()), Optional.empty(), Optional.empty(),
                ProgressListener.NONE, Clock.fixed(Instant.parse("2027-12-01T00:00:00Z"), ZoneOffset.UTC)));
        assertThat(ethics.status()).isEqualTo(Status.FAIL);
        assertThat(ethics.checks()).filteredOn(c -> c.status() == Status.FAIL).extracting(CheckResult::id)
                .contains("fairness:age_band:four_fifths:<25", "waiver:docs:protected_attribute:*");
    }
}
