package io.mlgates.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.gate.GateResult;
import io.mlgates.core.metrics.MetricValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {
    @Test
    @DisplayName("an ethics result shows each attribute's groups, those not judged, and its disparities over all groups and judged")
    void fairnessSection() {
        String table = new ConsoleTable().render(GateResultFixtures.ethics(""));
        assertThat(table).contains("fairness of sex (reference group m)")
                .contains("fairness of sex&age (reference group m&old)")
                .contains("not judged, fewer than minGroupSize 30 rows: x (3 rows)")
                .containsPattern("DISPARITY +ALL GROUPS +JUDGED +INTERVAL")
                .contains("demographic_parity_ratio").contains("katz-log")
                .containsPattern("disparate_impact +undefined +undefined +no reference group is declared for 'age'")
                .contains("WAIVED  fairness:sex:four_fifths:f");
    }

    @Test
    @DisplayName("after a gate on the same candidate and data, the metrics it showed with the same values are named on"
            + " one line, not repeated; another candidate's are shown in full")
    void repeatedMetricsOnOneLine() {
        GateResult ethics = GateResultFixtures.ethics("");
        GateResult validate = GateResultFixtures.full("credit");
        Map<String, MetricValue> shared = new LinkedHashMap<>(validate.metrics());
        MetricValue selection = ethics.metrics().get("selection_rate");
        shared.put("selection_rate", selection);
        GateResult above = new GateResult("validate", validate.status(), ethics.modelName(), ethics.candidate(),
                validate.policyDigest(), validate.policyFile(), validate.organisationPolicy(), ethics.data(), shared,
                validate.checks(), validate.curves(), validate.evaluatedAt(), validate.engineVersion(),
                Optional.empty(), validate.evidence());
        String table = new ConsoleTable().render(ethics, Optional.of(above));
        assertThat(table).contains("as in the validate gate above: selection_rate\n")
                .containsPattern("\ntpr +[0-9.]+ ").doesNotContainPattern("\nselection_rate +[0-9.]+ ");
        assertThat(new ConsoleTable().render(ethics, Optional.of(validate))).doesNotContain("as in the")
                .containsPattern("\nselection_rate +[0-9.]+ ");
    }

    @Test
    @DisplayName("hostile group values and texts reach the terminal without control characters, the rest intact")
    void hostileInput() {
        String table = new ConsoleTable().render(GateResultFixtures.ethics(GateResultFixtures.HOSTILE));
        assertThat(table).doesNotContain("\u0007").doesNotContain("\u001b").doesNotContain("\u202E")
                .contains("f<script>alert('x')</script> & \"q\" ??[31m ?evil")
                .contains("waived (was FAIL): <script>alert('x')</script>")
                .contains("fairness of sex<script>alert('x')</script> & \"q\" ??[31m ?evil");
    }
}
