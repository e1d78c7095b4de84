package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's part: judge, write the workspace files, send back a bounded answer that survives the channel. */
class AgentRunTest {
    @TempDir
    Path work;

    private final Fakes.Log log = new Fakes.Log();

    @Test
    void answersWithTheSummaryAndTheJsonAcrossTheChannel() throws Exception {
        Repos.binary(work, Repos.WARN);

        GateRun run = Serialization.roundTrip(new AgentRun(Fakes.CLOCK, AgentRun.MAX_RESULT_CHARS)
                .run(work, new ValidateTask(null, null, null), "validate", "out", log));

        assertThat(run.hasVerdict()).isTrue();
        assertThat(run.json()).contains("\"status\" : \"WARN\"");
        assertThat(run.counts()).containsEntry("WARN", 1L);
        assertThat(run.omittedChecks()).isZero();
        assertThat(run.files()).containsExactly("out/validate/validate.json",
                "out/validate/TEST-mlgates-validate.xml");
    }

    @Test
    void sendsThePolicyFileTheGateJudgedBySoThatPromotionReadsTheSameRules() throws Exception {
        Repos.binary(work, Repos.WARN);

        GateRun run = new AgentRun(Fakes.CLOCK, AgentRun.MAX_RESULT_CHARS)
                .run(work, new ValidateTask(null, null, null), "validate", "out", log);

        String text = java.nio.file.Files.readString(work.resolve("mlgates.yaml"));
        assertThat(run.policyText()).isEqualTo(text);
        assertThat(run.json()).contains(io.mlgates.core.policy.PolicyLoader.digest(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aResultsFolderOutsideTheWorkingDirectoryIsBadInput() throws Exception {
        Repos.binary(work, Repos.PASS);

        GateRun run = new AgentRun(Fakes.CLOCK, 1000).run(work, new ValidateTask(null, null, null), "validate",
                "../elsewhere", log);

        assertThat(run.hasVerdict()).isFalse();
        assertThat(run.badInput()).startsWith("resultsDir: '../elsewhere/validate' leads outside");
    }
}
