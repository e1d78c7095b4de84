package io.mlgates.plugin;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.mlgates.plugin.logic.GateCall;
import io.mlgates.plugin.logic.attest.Signing;
import io.mlgates.plugin.logic.GateTask;
import io.mlgates.plugin.logic.OrganisationText;
import io.mlgates.plugin.logic.StepOptions;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every gate step shares: the result id, the outcome options and where result files go. A gate step adds its
 * own arguments, the {@link GateTask} they make, and a descriptor with its function name.
 */
public abstract class GateStep extends Step {
    /** A gate needs the files (so a node), the build, its log, and its own flow node to mark its stage. */
    static final Set<? extends Class<?>> REQUIRED_CONTEXT =
            Set.of(FilePath.class, Run.class, TaskListener.class, FlowNode.class);

    private String id;
    private boolean failOnError = true;
    private boolean stageOnly;
    private String resultsDir = StepOptions.DEFAULT_RESULTS_DIR;
    private boolean publishChecks = true;
    private List<String> stats = List.of();

    /** The step's function name, for messages. */
    protected abstract String functionName();

    /**
     * The gate to run, with this step's arguments.
     *
     * @param organisation the organisation policy from Manage Jenkins, or null for none
     */
    protected abstract GateTask task(OrganisationText organisation);

    /** The gate to run without an organisation policy. */
    GateTask task() {
        return task(null);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new GateStepExecution(context, this);
    }

    /**
     * The call, under the organisation policy set in Manage Jenkins, signed with the key set there (both read when the
     * step runs).
     */
    GateCall call(OrganisationText organisation, Signing signing) {
        return new GateCall(functionName(), task(organisation), options(), signing);
    }

    StepOptions options() {
        return new StepOptions(id, failOnError, stageOnly, resultsDir, publishChecks);
    }

    public String getId() {
        return id;
    }

    /** The result's id in the build; by default the gate's name. */
    @DataBoundSetter
    public void setId(String id) {
        this.id = emptyToNull(id);
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    public boolean isStageOnly() {
        return stageOnly;
    }

    @DataBoundSetter
    public void setStageOnly(boolean stageOnly) {
        this.stageOnly = stageOnly;
    }

    public String getResultsDir() {
        return resultsDir;
    }

    @DataBoundSetter
    public void setResultsDir(String resultsDir) {
        String dir = emptyToNull(resultsDir);
        this.resultsDir = dir == null ? StepOptions.DEFAULT_RESULTS_DIR : dir;
    }

    public boolean isPublishChecks() {
        return publishChecks;
    }

    /** Whether the result is published as a check on the commit or pull request, where checks-api is installed. */
    @DataBoundSetter
    public void setPublishChecks(boolean publishChecks) {
        this.publishChecks = publishChecks;
    }

    public List<String> getStats() {
        return stats;
    }

    /** Statistics files to judge instead of the prediction rows, in the workspace: {@code stats: ['a.json']}. */
    @DataBoundSetter
    public void setStats(List<String> stats) {
        this.stats = stats == null ? List.of() : stats.stream().filter(f -> f != null && !f.isBlank()).toList();
    }

    /** The {@code stats} argument: statistics files judged instead of the rows; empty to read the rows. */
    protected List<String> stats() {
        return stats;
    }

    /** The Snippet Generator sends an empty text field as an empty string: it means the default. */
    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
