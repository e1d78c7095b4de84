package io.mlgates.plugin;

import hudson.model.Result;
import hudson.model.Run;
import io.mlgates.core.report.AtomicFiles;
import io.mlgates.plugin.logic.GateBuild;
import io.mlgates.plugin.logic.Mark;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.TrendIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/** The running build and the step's flow node, as {@link GateBuild}. */
final class JenkinsBuild implements GateBuild {
    private final Run<?, ?> run;
    private final FlowNode node;

    JenkinsBuild(Run<?, ?> run, FlowNode node) {
        this.run = run;
        this.node = node;
    }

    @Override
    public String reserveId(String wanted) {
        return GateResultsAction.of(run).reserve(wanted);
    }

    @Override
    public void attach(ResultSummary summary, String json) throws IOException {
        AtomicFiles.write(GateResultAction.resultFile(run.getRootDir(), summary.getId()),
                out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
        run.addAction(new GateResultAction(summary));
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
