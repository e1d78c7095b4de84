package io.mlgates.plugin;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code mlPromote(to: 'production')}: promotes the candidate this build's gates judged, with the options of
 * {@code mlgates promote}. The evidence comes from the gate results kept with this build and earlier builds, the
 * registry is the team registry on the controller, the promoter and the approvers are Jenkins users. It waits for
 * approvals and the release train the way {@code input} waits, holding no executor: call it outside {@code node}.
 */
public final class MlPromoteStep extends Step {
    static final String FUNCTION_NAME = "mlPromote";

    private final String to;
    private String id;
    private String author;
    private String emergency;
    private String source;
    private boolean failOnError = true;

    @DataBoundConstructor
    public MlPromoteStep(String to) {
        this.to = GateStep.emptyToNull(to);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new PromoteExecution(context, this);
    }

    public String getTo() {
        return to;
    }

    public String getId() {
        return id;
    }

    /** The promotion's id in the build, its page's URL segment; by default the stage's name. */
    @DataBoundSetter
    public void setId(String id) {
        this.id = GateStep.emptyToNull(id);
    }

    public String getAuthor() {
        return author;
    }

    /** The candidate's author (default: the user who started the build), whom the four-eyes rule bars. */
    @DataBoundSetter
    public void setAuthor(String author) {
        this.author = GateStep.emptyToNull(author);
    }

    public String getEmergency() {
        return emergency;
    }

    /** Takes the emergency path around the release train, with this written reason. */
    @DataBoundSetter
    public void setEmergency(String emergency) {
        this.emergency = GateStep.emptyToNull(emergency);
    }

    public String getSource() {
        return source;
    }

    /** Where the artefacts are, for the registry (default: the policy's {@code model.artifacts}). */
    @DataBoundSetter
    public void setSource(String source) {
        this.source = GateStep.emptyToNull(source);
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    /** With {@code false}, a refusal returns to the script instead of failing the build. */
    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
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
            return Messages.get("MlPromoteStep.displayName");
        }

        /** No workspace: the step runs on the controller and holds no executor while it waits. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }
    }
}
