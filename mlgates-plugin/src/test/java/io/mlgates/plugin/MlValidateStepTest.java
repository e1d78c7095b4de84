package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.mlgates.plugin.logic.StepOptions;
import io.mlgates.plugin.logic.ValidateTask;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** mlValidate's arguments as Pipeline binds them: every one optional, each where it belongs. */
class MlValidateStepTest {
    @Test
    void withoutArgumentsEverythingIsByConvention() {
        MlValidateStep step = new MlValidateStep();

        assertThat(step.task()).isEqualTo(new ValidateTask(null, null, null));
        assertThat(step.options()).isEqualTo(StepOptions.defaults());
    }

    @Test
    void eachArgumentReachesItsPlace() {
        MlValidateStep step = new MlValidateStep();
        step.setPolicy("models/churn/mlgates.yaml");
        step.setPredictions("models/churn/eval/p.csv");
        step.setBaseline("models/churn/baseline.json");
        step.setStats(java.util.List.of("models/churn/stats/a.json", " "));
        step.setId("churn");
        step.setFailOnError(false);
        step.setStageOnly(true);
        step.setResultsDir("out");

        assertThat(step.task()).isEqualTo(new ValidateTask("models/churn/mlgates.yaml", "models/churn/eval/p.csv",
                "models/churn/baseline.json", null, java.util.List.of("models/churn/stats/a.json")));
        assertThat(step.options()).isEqualTo(new StepOptions("churn", false, true, "out"));
        assertThat(step.getPolicy()).isEqualTo("models/churn/mlgates.yaml");
        assertThat(step.getId()).isEqualTo("churn");
    }

    @Test
    void emptyFieldsOfTheSnippetGeneratorMeanTheDefaults() {
        MlValidateStep step = new MlValidateStep();
        step.setPolicy(" ");
        step.setId("");
        step.setResultsDir("");

        assertThat(step.task()).isEqualTo(new ValidateTask(null, null, null));
        assertThat(step.options()).isEqualTo(StepOptions.defaults());
    }

    @Test
    void theDescriptorNamesTheStepAndAsksForANodeTheBuildItsLogAndItsFlowNode() {
        MlValidateStep.DescriptorImpl descriptor = new MlValidateStep.DescriptorImpl();

        assertThat(descriptor.getFunctionName()).isEqualTo("mlValidate");
        assertThat(descriptor.getDisplayName()).isNotBlank();
        assertThat(java.util.Set.<Object>copyOf(descriptor.getRequiredContext())).containsExactlyInAnyOrder(FilePath.class, Run.class,
                TaskListener.class, FlowNode.class);
    }

    @Test
    void bindsAsStaplerExpectsWithParameterNamesCompiledIn() throws Exception {
        assertThat(MlValidateStep.class.getConstructor().isAnnotationPresent(DataBoundConstructor.class)).isTrue();
        for (String property : new String[] {"policy", "predictions", "baseline", "id", "failOnError", "stageOnly",
            "resultsDir"}) {
            String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
            Method method = Arrays.stream(MlValidateStep.class.getMethods()).filter(m -> m.getName().equals(setter))
                    .findFirst().orElseThrow();
            assertThat(method.isAnnotationPresent(DataBoundSetter.class)).as(setter).isTrue();
            Parameter parameter = method.getParameters()[0];
            assertThat(parameter.isNamePresent()).as("compiled with -parameters").isTrue();
            assertThat(parameter.getName()).isEqualTo(property);
        }
    }
}
