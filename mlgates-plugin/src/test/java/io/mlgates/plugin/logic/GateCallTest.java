package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.plugin.logic.attest.Signing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate step's call, end to end through the plugin's own interfaces: arguments to the engine on the "agent",
 * statuses to build and stage results, ids, the value the script receives, the bounded result kept with the build.
 */
class GateCallTest {
    @TempDir
    Path work;

    private final Fakes.Build build = new Fakes.Build();
    private final Fakes.Log log = new Fakes.Log();

    private Completion call(StepOptions options) throws Exception {
        return call(new ValidateTask(null, null, null), options, AgentRun.MAX_RESULT_CHARS);
    }

    private Completion call(ValidateTask task, StepOptions options, int maxResultChars) throws Exception {
        return new GateCall("mlValidate", task, options, Signing.none())
                .run(new Fakes.Workspace(work, maxResultChars, log), build, log);
    }

    private static StepOptions options(boolean failOnError, boolean stageOnly) {
        return new StepOptions(null, failOnError, stageOnly, StepOptions.DEFAULT_RESULTS_DIR);
    }

    @Test
    void aPassingGateReturnsItsResultToTheScriptAndMarksNothing() throws Exception {
        Repos.binary(work, Repos.PASS);

        Completion done = call(StepOptions.defaults());

        assertThat(done.failed()).isFalse();
        Map<String, Object> r = done.value();
        assertThat(r).containsEntry("status", "PASS").containsEntry("id", "validate").containsEntry("gate", "validate");
        assertThat(r.get("metrics")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .as("the metrics the policy judges").containsOnlyKeys("accuracy").containsEntry("accuracy", 0.85);
        assertThat(r).containsEntry("url", "job/credit-risk/42/mlgates/validate/");
        assertThat(build.checks).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("ML gate: validate");
            assertThat(c.conclusion()).isEqualTo(GateCheck.Conclusion.SUCCESS);
            assertThat(c.url()).isEqualTo("job/credit-risk/42/mlgates/validate/");
        });
        assertThat(build.marks).isEmpty();
        assertThat(build.attached).containsOnlyKeys("validate");
        assertThat(build.trend).hasSize(1);
        assertThat(log.text()).contains("[ML Gates] running the validate gate, result id 'validate'",
                "verdict: PASS", "[ML Gates] validate gate 'validate': PASS, 2 checks: 2 PASS");
    }

    @Test
    void resultFilesGoToTheWorkspaceUnderTheResultId() throws Exception {
        Repos.binary(work, Repos.PASS);

        Completion done = call(StepOptions.defaults());

        assertThat(work.resolve(".mlgates/results/validate/validate.json")).isRegularFile();
        assertThat(work.resolve(".mlgates/results/validate/TEST-mlgates-validate.xml")).isRegularFile();
        assertThat(done.value().get("files")).isEqualTo(List.of(".mlgates/results/validate/validate.json",
                ".mlgates/results/validate/TEST-mlgates-validate.xml"));
    }

    @Test
    void warnMarksTheBuildAndStageUnstableAndTheScriptCanTellWarn() throws Exception {
        Repos.binary(work, Repos.WARN);

        Completion done = call(StepOptions.defaults());

        assertThat(done.value().get("status")).isEqualTo("WARN");
        assertThat(build.marks).containsExactly(
                "build+stage UNSTABLE: validate gate 'validate': WARN, 3 checks: 2 PASS, 1 WARN");
    }

    @Test
    void stageOnlyMarksTheStageAndLeavesTheBuildAlone() throws Exception {
        Repos.binary(work, Repos.WARN);

        call(options(true, true));

        assertThat(build.marks).singleElement().asString().startsWith("stage UNSTABLE");
        assertThat(log.text()).contains("marked the stage UNSTABLE");
    }

    @Test
    void failMarksFailureAndStopsThePipelineAfterKeepingTheResult() throws Exception {
        Repos.binary(work, Repos.FAIL);

        Completion done = call(StepOptions.defaults());

        assertThat(done.failed()).isTrue();
        assertThat(done.failure()).isEqualTo("mlValidate: validate gate 'validate': FAIL, 3 checks: 2 PASS, 1 FAIL"
                + " (failOnError: false lets the pipeline go on)");
        assertThat(build.marks).singleElement().asString().startsWith("build+stage FAILURE");
        assertThat(build.attached).containsOnlyKeys("validate");
    }

    @Test
    void failWithoutFailOnErrorMarksFailureAndGoesOn() throws Exception {
        Repos.binary(work, Repos.FAIL);

        Completion done = call(options(false, false));

        assertThat(done.failed()).isFalse();
        assertThat(done.value().get("status")).isEqualTo("FAIL");
        assertThat(build.marks).singleElement().asString().startsWith("build+stage FAILURE");
    }

    @Test
    void aSecondCallNeverOverwritesTheFirst() throws Exception {
        Repos.binary(work, Repos.PASS);
        Repos.binary(work.resolve("other"), Repos.WARN);

        call(StepOptions.defaults());
        Completion second = call(new ValidateTask("other/mlgates.yaml", null, null), StepOptions.defaults(),
                AgentRun.MAX_RESULT_CHARS);

        assertThat(second.value().get("id")).isEqualTo("validate-2");
        assertThat(build.attached).containsOnlyKeys("validate", "validate-2");
        assertThat(build.attached.get("validate").getStatus()).isEqualTo("PASS");
        assertThat(build.attached.get("validate-2").getStatus()).isEqualTo("WARN");
        assertThat(work.resolve(".mlgates/results/validate-2/validate.json")).isRegularFile();
        assertThat(log.text()).contains("id 'validate' was taken by an earlier call in this build, so this result is"
                + " 'validate-2'");
    }

    @Test
    void anExplicitIdNamesTheResult() throws Exception {
        Repos.binary(work, Repos.PASS);

        Completion done = call(new StepOptions("churn-model", true, false, "out"));

        assertThat(done.value().get("id")).isEqualTo("churn-model");
        assertThat(work.resolve("out/churn-model/validate.json")).isRegularFile();
    }

    @Test
    void anUnusableIdFailsTheStepBeforeAnythingRuns() throws Exception {
        Completion done = call(new StepOptions("../x", true, false, "out"));

        assertThat(done.failure()).isEqualTo("mlValidate: id '../x' must be 1 to 64 letters, digits, '-' or '_',"
                + " starting with a letter or digit");
        assertThat(build.reserved).isEmpty();
    }

    @Test
    void badInputFailsTheStepWithTheFileAndKeepsNothing() throws Exception {
        Repos.binary(work, "limits: [\n");

        Completion done = call(StepOptions.defaults());

        assertThat(done.failure()).startsWith("mlValidate: no verdict: mlgates.yaml:");
        assertThat(build.attached).isEmpty();
        assertThat(build.marks).isEmpty();
    }

    @Test
    void aLargeResultIsBoundedOnTheAgentWhileItsSummaryCountsEveryCheck() throws Exception {
        Repos.binary(work, Repos.MANY_CHECKS);

        Completion done = call(new ValidateTask(null, null, null), StepOptions.defaults(), 4000);

        ResultSummary summary = build.attached.get("validate");
        assertThat(build.json.get("validate").length()).isLessThanOrEqualTo(4000);
        assertThat(summary.getOmittedChecks()).isPositive();
        assertThat(summary.getTotalChecks()).isEqualTo(22);
        assertThat(done.value().get("omittedChecks")).isEqualTo(summary.getOmittedChecks());
        assertThat(done.value()).doesNotContainKey("checks");
        assertThat(summary.getResultDigest()).isEqualTo(ResultSummary.digest(build.json.get("validate")));
        assertThat(log.text()).contains("of the mildest checks are left out of the result kept with the build");
        assertThat(Files.readString(work.resolve(".mlgates/results/validate/validate.json")))
                .contains("slice:g=g9:accuracy:min");
    }

    @Test
    void publishChecksFalsePublishesNoCheck() throws Exception {
        Repos.binary(work, Repos.WARN);

        Completion done = call(new StepOptions(null, true, false, StepOptions.DEFAULT_RESULTS_DIR, false));

        assertThat(done.failed()).isFalse();
        assertThat(build.attached).containsOnlyKeys("validate");
        assertThat(build.checks).isEmpty();
    }
}
