package io.mlgates.plugin;

import hudson.model.Action;
import hudson.model.Run;
import io.mlgates.plugin.logic.ResultIds;
import io.mlgates.plugin.logic.board.Links;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * One per build that ran a gate, without an entry in the side panel (each result has its own): it serves
 * {@code …/<build>/mlgates/} (a list of the build's results, the breadcrumb before each result's page) and
 * {@code …/<build>/mlgates/<id>/}, hands out result ids so that calls running at the same time get different ones, and
 * puts the trend on the job page.
 */
public final class GateResultsAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    static final String URL_NAME = Links.RESULTS;

    private transient Run<?, ?> run;
    /** Ids handed out in this build, including those of calls still running. */
    private transient Set<String> handedOut;
    /**
     * The key that tags the statistics the build's gates share on the agent ({@link BuildShare}): drawn on first use,
     * kept in the controller's memory only (never in build.xml, never in the workspace); after a restart a new one is
     * drawn, and what was kept before is read again from the rows.
     */
    private transient byte[] sharingKey;

    /** The build's instance, added on first use. */
    static GateResultsAction of(Run<?, ?> run) {
        return BuildActions.once(run, GateResultsAction.class, GateResultsAction::new);
    }

    /** See {@link io.mlgates.plugin.logic.GateBuild#reserveId}. */
    synchronized String reserve(String wanted) {
        if (handedOut == null) {
            handedOut = new HashSet<>();
        }
        Set<String> taken = new HashSet<>(handedOut);
        for (GateResultAction result : run.getActions(GateResultAction.class)) {
            taken.add(result.getId());
        }
        String id = ResultIds.unique(wanted, taken);
        handedOut.add(id);
        return id;
    }

    /** This build's key for shared statistics: 32 bytes from the platform's strong random source. */
    synchronized byte[] sharingKey() {
        if (sharingKey == null) {
            sharingKey = new byte[32];
            new SecureRandom().nextBytes(sharingKey);
        }
        return sharingKey.clone();
    }

    /** {@code …/mlgates/<id>}: the result with that id. */
    public Object getDynamic(String id, StaplerRequest2 request, StaplerResponse2 response) {
        for (GateResultAction result : run.getActions(GateResultAction.class)) {
            if (result.getId().equals(id)) {
                return result;
            }
        }
        return null;
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return List.of(new GateTrendAction(run.getParent().getBuildDir(), run.getParent()));
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** No entry in the side panel: each result has its own. */
    @Override
    public String getIconFileName() {
        return null;
    }

    /** The breadcrumb between the build and a result's page. */
    @Override
    public String getDisplayName() {
        return Messages.get("ResultsAction.displayName");
    }

    /** The build: {@code l:run-subpage} lays the page out around it ({@code it.object}). */
    public Run<?, ?> getObject() {
        return run;
    }

    /** The build's results, in the order the steps ran. */
    public List<GateResultAction> getResults() {
        return run.getActions(GateResultAction.class);
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }
}
