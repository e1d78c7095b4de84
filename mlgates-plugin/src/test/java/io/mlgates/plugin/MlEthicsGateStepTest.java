package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.mlgates.plugin.logic.EthicsTask;
import io.mlgates.plugin.logic.StepOptions;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** mlEthicsGate's arguments as Pipeline binds them: every one optional, each where it belongs. */
class MlEthicsGateStepTest {
    @Test
    void withoutArgumentsEverythingIsByConvention() {
        MlEthicsGateStep step = new MlEthicsGateStep();

        assertThat(step.task()).isEqualTo(new EthicsTask(null, null, null, null));
        assertThat(step.options()).isEqualTo(StepOptions.defaults());
    }

    @Test
    void eachArgumentReachesItsPlace() {
        MlEthicsGateStep step = new MlEthicsGateStep();
        step.setPolicy("models/credit/mlgates.yaml");
        step.setPredictions("models/credit/eval/p.csv");
        step.setSensitive("sex,age_band");
        step.setOrgPolicy("org/policy.yaml");
        step.setId("credit-ethics");
        step.setFailOnError(false);
        step.setStageOnly(true);
        step.setResultsDir("out");

        assertThat(step.task()).isEqualTo(new EthicsTask("models/credit/mlgates.yaml", "models/credit/eval/p.csv",
                "sex,age_band", "org/policy.yaml"));
        assertThat(step.options()).isEqualTo(new StepOptions("credit-ethics", false, true, "out"));
        assertThat(step.getSensitive()).isEqualTo("sex,age_band");
        assertThat(step.getOrgPolicy()).isEqualTo("org/policy.yaml");
    }

    @Test
    void emptyFieldsOfTheSnippetGeneratorMeanTheDefaults() {
        MlEthicsGateStep step = new MlEthicsGateStep();
        step.setPolicy(" ");
        step.setSensitive("");
        step.setOrgPolicy("");
        step.setId("");
        step.setResultsDir("");

        assertThat(step.task()).isEqualTo(new EthicsTask(null, null, null, null));
        assertThat(step.options()).isEqualTo(StepOptions.defaults());
    }

    @Test
    void theDescriptorNamesTheStepAndAsksForANodeTheBuildItsLogAndItsFlowNode() {
        MlEthicsGateStep.DescriptorImpl descriptor = new MlEthicsGateStep.DescriptorImpl();

        assertThat(descriptor.getFunctionName()).isEqualTo("mlEthicsGate");
        assertThat(descriptor.getDisplayName()).isNotBlank();
        assertThat(java.util.Set.<Object>copyOf(descriptor.getRequiredContext())).containsExactlyInAnyOrder(
                FilePath.class, Run.class, TaskListener.class, FlowNode.class);
    }

    @Test
    void bindsAsStaplerExpectsWithParameterNamesCompiledIn() throws Exception {
        assertThat(MlEthicsGateStep.class.getConstructor().isAnnotationPresent(DataBoundConstructor.class)).isTrue();
        for (String property : new String[] {"policy", "predictions", "sensitive", "orgPolicy", "id", "failOnError",
            "stageOnly", "resultsDir"}) {
            String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
            Method method = Arrays.stream(MlEthicsGateStep.class.getMethods())
                    .filter(m -> m.getName().equals(setter)).findFirst().orElseThrow();
            assertThat(method.isAnnotationPresent(DataBoundSetter.class)).as(setter).isTrue();
            Parameter parameter = method.getParameters()[0];
            assertThat(parameter.isNamePresent()).as("compiled with -parameters").isTrue();
            assertThat(parameter.getName()).isEqualTo(property);
        }
    }
}
