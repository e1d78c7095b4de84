package io.mlgates.plugin;

import hudson.Extension;
import io.mlgates.plugin.logic.EthicsTask;
import io.mlgates.plugin.logic.GateTask;
import io.mlgates.plugin.logic.OrganisationText;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code mlEthicsGate}: is the model fair across groups, documented for its risk tier, and built on data it may use?
 * Every argument is optional, as every option of {@code mlgates ethics} is: {@code mlEthicsGate()} judges the
 * working directory by convention.
 */
public final class MlEthicsGateStep extends GateStep {
    static final String FUNCTION_NAME = "mlEthicsGate";

    private String policy;
    private String predictions;
    private String sensitive;
    private String orgPolicy;

    @DataBoundConstructor
    public MlEthicsGateStep() {
        // every argument is optional: see the setters
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected GateTask task(OrganisationText organisation) {
        return new EthicsTask(policy, predictions, sensitive, orgPolicy, organisation, stats());
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

    public String getSensitive() {
        return sensitive;
    }

    /** Sensitive columns instead of the policy's, comma-separated: {@code sex,age_band}. */
    @DataBoundSetter
    public void setSensitive(String sensitive) {
        this.sensitive = emptyToNull(sensitive);
    }

    public String getOrgPolicy() {
        return orgPolicy;
    }

    /** The organisation policy file, which the model policy may tighten but never loosen. */
    @DataBoundSetter
    public void setOrgPolicy(String orgPolicy) {
        this.orgPolicy = emptyToNull(orgPolicy);
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
            return Messages.get("MlEthicsGateStep.displayName");
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return REQUIRED_CONTEXT;
        }
    }
}
