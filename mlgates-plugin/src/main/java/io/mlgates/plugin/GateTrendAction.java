package io.mlgates.plugin;

import hudson.model.Action;
import io.mlgates.plugin.logic.TrendEntry;
import io.mlgates.plugin.logic.TrendIndex;
import io.mlgates.plugin.logic.TrendView;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The job page's trend of gate statuses and followed metrics over the last {@value #BUILDS} builds, read from the
 * job's trend index, never from the builds. Created on request by the last build's {@link GateResultsAction}.
 */
@ExportedBean
public final class GateTrendAction implements Action {
    static final int BUILDS = 50;

    private final File buildsFolder;

    GateTrendAction(File buildsFolder) {
        this.buildsFolder = buildsFolder;
    }

    private List<TrendEntry> entries() {
        try {
            return TrendIndex.in(buildsFolder.toPath()).recent(BUILDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ML Gates trend index: " + e.getMessage(), e);
        }
    }

    public TrendView getTrend() {
        return TrendView.of(entries());
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
        return "ML Gates trend";
    }

    @Override
    public String getUrlName() {
        return GateResultsAction.URL_NAME;
    }
}
