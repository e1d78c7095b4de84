package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.gate.Status;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.Results;
import io.mlgates.plugin.logic.TrendIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job page's trend comes from the index in the builds folder alone. */
class GateTrendActionTest {
    @TempDir
    Path builds;

    @Test
    void showsTheLastBuildsOfEachResultIdFromTheIndex() throws Exception {
        for (int b = 1; b <= GateTrendAction.BUILDS + 5; b++) {
            TrendIndex.in(builds).append(b, ResultSummary.of("validate", Results.of("m",
                    List.of(Results.check("limit:accuracy:min", b % 2 == 0 ? Status.PASS : Status.WARN, "accuracy",
                            0.8))), 0, List.of()));
        }
        GateTrendAction action = new GateTrendAction(builds.toFile(), null);

        assertThat(action.getUrlName()).isEqualTo("mlgates");
        assertThat(action.getResults()).hasSize(GateTrendAction.BUILDS).first()
                .extracting(TrendPoint::getBuild).isEqualTo(6);
        assertThat(action.getResults().get(0).getMetrics()).containsEntry("accuracy", 0.85);
        assertThat(action.getTrend().getSeries()).singleElement()
                .extracting(s -> s.getLatest().getBuild()).isEqualTo(GateTrendAction.BUILDS + 5);
    }

    @Test
    void aJobWithoutResultsHasAnEmptyTrend() {
        GateTrendAction action = new GateTrendAction(builds.toFile(), null);

        assertThat(action.getTrend().isEmpty()).isTrue();
        assertThat(action.getResults()).isEmpty();
    }
}
