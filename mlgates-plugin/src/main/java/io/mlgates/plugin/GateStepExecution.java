package io.mlgates.plugin;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.mlgates.core.BadInputException;
import io.mlgates.plugin.logic.BuildShare;
import io.mlgates.plugin.logic.Completion;
import io.mlgates.plugin.logic.OrganisationText;
import io.mlgates.plugin.logic.attest.Signing;
import java.util.Map;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs a gate call on a thread of its own (the gate reads files on an agent) and hands the script its value, or fails
 * the step with the call's message. Jenkins-facing wiring only: the call is
 * {@link io.mlgates.plugin.logic.GateCall}.
 */
final class GateStepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    /**
     * Not kept over a restart. A {@code SynchronousNonBlockingStepExecution} that was running when the controller
     * stopped is not run again: on resume Pipeline fails the step, since its thread is gone; while it runs it also
     * holds off a safe restart. The help says how to run it again: {@code retry(conditions: [nonresumable()])}.
     */
    private final transient GateStep step;

    GateStepExecution(StepContext context, GateStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        OrganisationText organisation;
        try {
            organisation = OrganisationConfiguration.get().organisation().orElse(null);
        } catch (BadInputException e) {
            throw new AbortException("the organisation policy in Manage Jenkins cannot be applied: " + e.getMessage());
        }
        Run<?, ?> run = context.get(Run.class);
        EnvVars environment = context.get(EnvVars.class);
        Optional<BuildShare> share = environment == null ? Optional.empty() : BuildShare.of(environment,
                run.getParent().getFullName(), run.getNumber(), GateResultsAction.of(run).sharingKey());
        Signing signing = new Signing(SigningConfiguration.get().keys(),
                Optional.ofNullable(Jenkins.get().getRootUrl()));
        Completion done = step.call(organisation, signing).run(new AgentWorkspace(context.get(FilePath.class),
                listener, share), new JenkinsBuild(run, context.get(FlowNode.class), listener),
                listener.getLogger()::println);
        if (done.failed()) {
            throw new AbortException(done.failure());
        }
        return done.value();
    }
}
