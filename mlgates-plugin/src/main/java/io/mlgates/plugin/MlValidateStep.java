package io.mlgates.plugin;

import hudson.Extension;
import io.mlgates.plugin.logic.GateTask;
import io.mlgates.plugin.logic.OrganisationText;
import io.mlgates.plugin.logic.ValidateTask;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code mlValidate}: is the candidate good enough, and no worse than the baseline? Every argument is optional, as
 * every option of {@code mlgates validate} is: {@code mlValidate()} judges the working directory by convention.
 */
public final class MlValidateStep extends GateStep {
    static final String FUNCTION_NAME = "mlValidate";

    private String policy;
    private String predictions;
    private String baseline;

    @DataBoundConstructor
    public MlValidateStep() {
        // every argument is optional: see the setters
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected GateTask task(OrganisationText organisation) {
        return new ValidateTask(policy, predictions, baseline, organisation, stats());
    }

    public String getPolicy() {
        return policy;
    }

    /** The policy file; by default {@code mlgates.yaml} in the working directory, or the defaults without one. */
    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = emptyToNull(policy);
    }

    public String getPredictions() {
        return predictions;
    }

    @DataBoundSetter
    public void setPredictions(String predictions) {
        this.predictions = emptyToNull(predictions);
    }

    public String getBaseline() {
        return baseline;
    }

    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = emptyToNull(baseline);
    }

    /** Registers the step; its function name is what a Jenkinsfile calls. */
    @Extension
    @Symbol(FUNCTION_NAME)
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @Override
        public String getDisplayName() {
            return Messages.get("MlValidateStep.displayName");
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return REQUIRED_CONTEXT;
        }
    }
}
