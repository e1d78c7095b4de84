package io.mlgates.plugin;

import hudson.model.Run;
import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.report.html.HtmlReport;
import io.mlgates.plugin.logic.Badge;
import io.mlgates.plugin.logic.CheckLine;
import io.mlgates.plugin.logic.ResultSummary;
import java.io.File;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One gate result on the build page: a summary box there, an entry in the side panel, and its own page at
 * {@code …/<build>/mlgates/<id>/}. build.xml keeps only the {@link ResultSummary}; the full result is the JSON file
 * {@code mlgates/<id>.json} beside it, read when the page or the remote API asks for checks or metrics.
 */
@ExportedBean
public final class GateResultAction implements RunAction2 {
    static final String FOLDER = "mlgates";

    private final ResultSummary summary;

    private transient Run<?, ?> owner;
    private transient File buildDir;
    private transient SoftReference<GateResult> loaded;
    private transient String loadProblem;

    GateResultAction(ResultSummary summary) {
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    /** Where a build keeps the full result of the given id. */
    static Path resultFile(File buildDir, String id) {
        return buildDir.toPath().resolve(FOLDER).resolve(id + ".json");
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        owner = r;
        locate(r.getRootDir());
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        owner = r;
        locate(r.getRootDir());
    }

    /** The build, for the page's side panel. */
    public Run<?, ?> getOwner() {
        return owner;
    }

    /** Tells the action the folder of its build, where its full result is. */
    synchronized void locate(File dir) {
        this.buildDir = dir;
        this.loaded = null;
    }

    /** The full result, read once and kept while memory allows; null when it cannot be read ({@link #getLoadProblem}). */
    synchronized GateResult result() {
        GateResult result = loaded == null ? null : loaded.get();
        if (result != null || buildDir == null) {
            return result;
        }
        Path file = resultFile(buildDir, summary.getId());
        try {
            result = new GateResultJson().read(Files.readAllBytes(file), FOLDER + "/" + file.getFileName());
            loaded = new SoftReference<>(result);
            loadProblem = null;
        } catch (NoSuchFileException e) {
            loadProblem = "the full result, " + FOLDER + "/" + file.getFileName() + " beside build.xml, is missing";
        } catch (IOException | BadInputException e) {
            loadProblem = "the full result cannot be read: " + e.getMessage();
        }
        return result;
    }

    public ResultSummary getSummary() {
        return summary;
    }

    @Exported(visibility = 2)
    public String getId() {
        return summary.getId();
    }

    @Exported(visibility = 2)
    public String getGate() {
        return summary.getGate();
    }

    @Exported(visibility = 2)
    public String getStatus() {
        return summary.getStatus();
    }

    @Exported(visibility = 2)
    public String getModel() {
        return summary.getModel();
    }

    @Exported(visibility = 2)
    public String getCandidate() {
        return summary.getCandidate();
    }

    @Exported(visibility = 2)
    public String getPolicy() {
        return summary.getPolicyDigest();
    }

    @Exported(visibility = 2)
    public Map<String, Long> getCounts() {
        return summary.getCounts();
    }

    @Exported
    public int getOmittedChecks() {
        return summary.getOmittedChecks();
    }

    /** Every check of the stored result, in policy order. */
    @Exported
    public List<CheckRow> getChecks() {
        GateResult result = result();
        return result == null ? List.of() : result.checks().stream().map(CheckRow::new).toList();
    }

    /** Every metric of the stored result. */
    @Exported
    public List<MetricRow> getMetrics() {
        GateResult result = result();
        return result == null ? List.of() : result.metrics().values().stream().map(MetricRow::new).toList();
    }

    public List<CheckLine> getWorstChecks() {
        return summary.getWorstChecks();
    }

    /** Why the checks and metrics cannot be shown, or null. */
    public synchronized String getLoadProblem() {
        result();
        return loadProblem;
    }

    /**
     * The core renderer's build-page summary of the full result (status, counts, the worst checks), linking to this
     * action's page relative to the build page, as {@link #getUrlName()} builds it; empty when the full result cannot
     * be read ({@link #getLoadProblem}). Escaped by the renderer: the view writes it as it is.
     */
    public String getSummaryHtml() {
        GateResult result = result();
        return result == null ? "" : new HtmlReport().summary(result, getUrlName() + "/");
    }

    /**
     * The core renderer's page of the full result: every check, the evidence, the charts, per-group tables and every
     * metric; empty when the full result cannot be read. Escaped by the renderer: the view writes it as it is.
     */
    public String getPageHtml() {
        GateResult result = result();
        return result == null ? "" : new HtmlReport().gate(result);
    }

    /** The full result's data summary line: "eval/predictions.csv: 300 rows, 2 dropped", or null. */
    public String getDataText() {
        GateResult result = result();
        if (result == null) {
            return null;
        }
        return result.data().predictions() + ": " + result.data().rows() + " rows"
                + (result.data().droppedRows() > 0 ? ", " + result.data().droppedRows() + " dropped" : "");
    }

    /** The status badge's style class: {@code mlgates-warn}... */
    public String getBadge() {
        return Badge.of(summary.getStatus());
    }

    @Override
    public String getIconFileName() {
        return Icons.GATE;
    }

    @Override
    public String getDisplayName() {
        return "ML gate: " + summary.getId();
    }

    @Override
    public String getUrlName() {
        return GateResultsAction.URL_NAME + "/" + summary.getId();
    }
}
