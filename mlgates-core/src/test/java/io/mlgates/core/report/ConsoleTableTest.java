package io.mlgates.core.report;

import static org.assertj.core.api.Assertions.assertThat;

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
    @DisplayName("hostile group values and texts reach the terminal without control characters, the rest intact")
    void hostileInput() {
        String table = new ConsoleTable().render(GateResultFixtures.ethics(GateResultFixtures.HOSTILE));
        assertThat(table).doesNotContain("\u0007").doesNotContain("\u001b").doesNotContain("\u202E")
                .contains("f<script>alert('x')</script> & \"q\" ??[31m ?evil")
                .contains("waived (was FAIL): <script>alert('x')</script>")
                .contains("fairness of sex<script>alert('x')</script> & \"q\" ??[31m ?evil");
    }
}
