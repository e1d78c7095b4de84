package io.mlgates.plugin;

import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.mlgates.plugin.logic.GateBuild;
import io.mlgates.plugin.logic.GateCheck;
import io.mlgates.plugin.logic.Mark;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.StoredResults;
import io.mlgates.plugin.logic.TrendIndex;
import io.mlgates.plugin.logic.attest.Attestations;
import io.mlgates.plugin.logic.attest.KeptAttestation;
import io.mlgates.plugin.logic.attest.SignedEnvelope;
import io.mlgates.plugin.logic.board.PolicyCopies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/** The running build and the step's flow node, as {@link GateBuild}. */
final class JenkinsBuild implements GateBuild {
    private final Run<?, ?> run;
    private final FlowNode node;
    private final TaskListener listener;

    JenkinsBuild(Run<?, ?> run, FlowNode node, TaskListener listener) {
        this.run = run;
        this.node = node;
        this.listener = listener;
    }

    @Override
    public String reserveId(String wanted) {
        return GateResultsAction.of(run).reserve(wanted);
    }

    @Override
    public void attach(ResultSummary summary, String json, Optional<SignedEnvelope> attestation)
            throws IOException {
        Path dir = run.getRootDir().toPath();
        StoredResults.write(dir, summary.getId(), json);
        KeptAttestation kept = null;
        if (attestation.isPresent()) {
            kept = Attestations.write(Attestations.ofResult(dir, summary.getId()), attestation.get());
        }
        run.addAction(new GateResultAction(summary, kept));
        // Jenkins writes build.xml when the build ends; a controller that stops before would lose the action.
        run.save();
    }

    @Override
    public void keepPolicy(String id, String text) throws IOException {
        StoredResults.writePolicy(run.getRootDir().toPath(), id, text);
        PolicyCopies.in(run.getParent().getBuildDir().toPath()).keep(text);
    }

    @Override
    public String resultUrl(String id) {
        return run.getUrl() + GateResultsAction.URL_NAME + "/" + id + "/";
    }

    @Override
    public void publishCheck(GateCheck check) {
        if (ChecksPublication.available()) {
            ChecksPublication.publish(run, listener, check);
        }
    }

    @Override
    public void addToTrend(ResultSummary summary) throws IOException {
        TrendIndex.in(run.getParent().getBuildDir().toPath()).append(run.getNumber(), summary);
    }

    @Override
    public void mark(Mark mark, boolean wholeBuild, String message) {
        Result result = mark == Mark.FAILURE ? Result.FAILURE : Result.UNSTABLE;
        if (wholeBuild) {
            run.setResult(result);
        }
        node.addOrReplaceAction(new WarningAction(result).withMessage(message));
    }
}
