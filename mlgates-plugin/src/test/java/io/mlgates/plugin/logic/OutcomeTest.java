package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.gate.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each status, with each combination of failOnError and stageOnly, and what it does to the Pipeline. */
class OutcomeTest {
    @ParameterizedTest(name = "{0}, failOnError {1}, stageOnly {2}: mark {3}, whole build {4}, stop {5}")
    @CsvSource(textBlock = """
            PASS,    true,  false, NONE,     false, false
            SKIPPED, true,  false, NONE,     false, false
            WAIVED,  true,  false, NONE,     false, false
            WARN,    true,  false, UNSTABLE, true,  false
            WARN,    false, false, UNSTABLE, true,  false
            WARN,    true,  true,  UNSTABLE, false, false
            FAIL,    true,  false, FAILURE,  true,  true
            FAIL,    false, false, FAILURE,  true,  false
            FAIL,    true,  true,  FAILURE,  false, true
            FAIL,    false, true,  FAILURE,  false, false
            ERROR,   true,  false, FAILURE,  true,  true
            ERROR,   false, true,  FAILURE,  false, false
            """)
    void statusToOutcome(Status status, boolean failOnError, boolean stageOnly, Mark mark, boolean wholeBuild,
                         boolean stop) {
        Outcome outcome = Outcome.of(status, new StepOptions(null, failOnError, stageOnly, "r"));

        assertThat(outcome).isEqualTo(new Outcome(mark, wholeBuild, stop));
    }
}
