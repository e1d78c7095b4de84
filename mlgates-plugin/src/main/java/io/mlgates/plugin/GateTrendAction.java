package io.mlgates.plugin;

import hudson.model.Action;
import hudson.model.Api;
import hudson.model.Job;
import io.mlgates.plugin.logic.TrendEntry;
import io.mlgates.plugin.logic.TrendIndex;
import io.mlgates.plugin.logic.TrendView;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The job page's trend of gate statuses and followed metrics over the last {@value #BUILDS} builds, read from the
 * job's trend index, never from the builds. Created on request by the last build's {@link GateResultsAction}. An
 * index that cannot be read shows as no trend with a note, never as an error on the job page.
 */
@ExportedBean
public final class GateTrendAction implements Action {
    static final int BUILDS = 50;
    private static final Logger LOGGER = Logger.getLogger(GateTrendAction.class.getName());

    private final File buildsFolder;
    private final Job<?, ?> job;

    /**
     * @param job the job, for the trend page's side panel
     */
    GateTrendAction(File buildsFolder, Job<?, ?> job) {
        this.buildsFolder = buildsFolder;
        this.job = job;
    }

    private List<TrendEntry> entries() {
        try {
            return TrendIndex.in(buildsFolder.toPath()).recent(BUILDS);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot read the ML Gates trend index in " + buildsFolder, e);
            return List.of();
        }
    }

    public TrendView getTrend() {
        return TrendView.of(entries());
    }

    /** The job: the trend page shows its side panel. */
    public Job<?, ?> getJob() {
        return job;
    }

    /** {@code …/job/x/mlgates/api/json}: each result of the last builds. */
    public Api getApi() {
        return new Api(this);
    }

    /** Each result of the last builds, oldest first. */
    @Exported
    public List<TrendPoint> getResults() {
        return entries().stream().map(TrendPoint::new).toList();
    }

    public int getBuilds() {
        return BUILDS;
    }

    @Override
    public String getIconFileName() {
        return Icons.GATE;
    }

    @Override
    public String getDisplayName() {
        return Messages.get("TrendAction.displayName");
    }

    @Override
    public String getUrlName() {
        return GateResultsAction.URL_NAME;
    }
}
