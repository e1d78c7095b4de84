package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendViewTest {
    private static TrendEntry entry(int build, String id, Double auc) {
        Map<String, Double> metrics = new HashMap<>();
        metrics.put("roc_auc", auc);
        return new TrendEntry(build, id, "PASS", metrics);
    }

    @Test
    void oneSeriesPerResultIdNewestBuildFirst() {
        TrendView view = TrendView.of(List.of(entry(1, "validate", 0.8), entry(2, "validate", 0.9),
                entry(2, "ethics", 0.7)));

        assertThat(view.getSeries()).extracting(TrendView.Series::getId).containsExactly("ethics", "validate");
        assertThat(view.getSeries().get(1).getBuilds()).extracting(TrendEntry::getBuild).containsExactly(2, 1);
        assertThat(view.getSeries().get(1).getLatest().display("roc_auc")).isEqualTo("0.9");
    }

    @Test
    void sparklinesAreNumbersOnlyOldestLeftHighestTop() {
        TrendView.Sparkline line = TrendView.of(List.of(entry(1, "v", 0.8), entry(2, "v", null),
                entry(3, "v", 0.9))).getSeries().get(0).getSparklines().get(0);

        assertThat(line.getPoints()).isEqualTo("2.0,30.0 158.0,2.0").matches("[0-9., ]*");
        assertThat(line.getLatest()).isEqualTo("0.9");
        assertThat(TrendView.of(List.of(entry(1, "v", 0.5))).getSeries().get(0).getSparklines().get(0).getPoints())
                .isEqualTo("80.0,16.0");
    }

    @Test
    void anUndefinedValueShowsAsUndefined() {
        assertThat(entry(1, "v", null).display("roc_auc")).isEqualTo("undefined");
        assertThat(entry(1, "v", null).display("recall")).isEmpty();
    }
}
