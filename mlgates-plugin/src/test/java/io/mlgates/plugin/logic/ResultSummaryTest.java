package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The part of a result kept in build.xml. */
class ResultSummaryTest {
    private final GateResult result = Results.everyStatus("credit-risk", 0);
    private final ResultSummary summary = ResultSummary.of("validate", result, 0, List.of("r/validate.json"));

    @Test
    void countsEveryStatusAndSaysSoInOneLine() {
        assertThat(summary.getTotalChecks()).isEqualTo(5);
        assertThat(summary.getCountsText()).isEqualTo("5 checks: 1 PASS, 1 SKIPPED, 1 WARN, 1 FAIL, 1 ERROR");
        assertThat(summary.getStatus()).isEqualTo("ERROR");
    }

    @Test
    void listsTheWorstChecksNeedingAttentionWorstFirstAtMostFive() {
        assertThat(summary.getWorstChecks()).extracting(CheckLine::getId)
                .containsExactly("limit:roc_auc:min", "limit:recall:min", "limit:accuracy:min");

        List<CheckResult> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(Results.check("limit:m" + i + ":min", i == 7 ? Status.FAIL : Status.WARN, "accuracy", 0.1));
        }
        ResultSummary big = ResultSummary.of("v", Results.of("m", many), 0, List.of());
        assertThat(big.getWorstChecks()).hasSize(5).first().extracting(CheckLine::getId).isEqualTo("limit:m7:min");
    }

    @Test
    void followsTheMetricsThePolicyJudgesOnTheWholeDataInPolicyOrder() {
        assertThat(summary.getTrendMetrics()).containsExactly(
                org.assertj.core.api.Assertions.entry("accuracy", 0.85),
                org.assertj.core.api.Assertions.entry("roc_auc", null),
                org.assertj.core.api.Assertions.entry("recall", 0.8));
    }

    @Test
    void survivesBuildXmlAsJenkinsWritesItWithXStream() {
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.mlgates.plugin.**"});

        ResultSummary back = (ResultSummary) xstream.fromXML(xstream.toXML(summary));

        assertThat(back).usingRecursiveComparison().isEqualTo(summary);
        assertThat(back.getCountsText()).isEqualTo(summary.getCountsText());
    }

    @Test
    void survivesTheRemotingChannel() throws Exception {
        assertThat(Serialization.roundTrip(summary)).usingRecursiveComparison().isEqualTo(summary);
    }
}
