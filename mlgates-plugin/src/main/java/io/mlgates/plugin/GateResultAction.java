package io.mlgates.plugin;

import hudson.model.Api;
import hudson.model.Run;
import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.report.html.HtmlReport;
import io.mlgates.plugin.logic.Badge;
import io.mlgates.plugin.logic.Bounds;
import io.mlgates.plugin.logic.CheckLine;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.StoredResults;
import io.mlgates.plugin.logic.attest.Attestations;
import io.mlgates.plugin.logic.attest.KeptAttestation;
import java.io.File;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One gate result on the build page: a summary box there, an entry in the side panel, and its own page at
 * {@code …/<build>/mlgates/<id>/}. build.xml keeps only the {@link ResultSummary}; the full result is the JSON file
 * {@code mlgates/<id>.json} beside it, read when the page or the remote API asks for checks or metrics.
 */
@ExportedBean
public final class GateResultAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(GateResultAction.class.getName());

    private final ResultSummary summary;
    /** The attestation the controller signed and kept beside the result; null when it signed none. */
    private final KeptAttestation attestation;

    private transient Run<?, ?> owner;
    private transient File buildDir;
    private transient SoftReference<GateResult> loaded;
    private transient String loadProblem;

    GateResultAction(ResultSummary summary) {
        this(summary, null);
    }

    /** @param attestation what the build keeps of the result's signed attestation, or null when none was signed */
    GateResultAction(ResultSummary summary, KeptAttestation attestation) {
        this.summary = Objects.requireNonNull(summary, "summary");
        this.attestation = attestation;
    }

    /** Where a build keeps the full result of the given id. */
    static Path resultFile(File buildDir, String id) {
        return StoredResults.file(buildDir.toPath(), id);
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

    /** The build: {@code l:run-subpage} lays the page out around it ({@code it.object}). */
    public Run<?, ?> getObject() {
        return owner;
    }

    /** {@code …/<build>/mlgates/<id>/api/json}: the summary, every check and every metric. */
    public Api getApi() {
        return new Api(new ResultApi(this));
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
        String id = summary.getId();
        try {
            result = new GateResultJson().read(Files.readAllBytes(file), StoredResults.FOLDER + "/" + id + ".json");
            loaded = new SoftReference<>(result);
            loadProblem = null;
        } catch (NoSuchFileException e) {
            loadProblem = Messages.get("ResultAction.missing", id);
        } catch (BadInputException e) {
            // Names the file as mlgates/<id>.json and a line: no path of the controller.
            loadProblem = Messages.get("ResultAction.unreadable", id, Bounds.text(e.getMessage(), Bounds.MESSAGE));
        } catch (IOException e) {
            // An I/O message names $JENKINS_HOME's paths: for the administrator's log, not the page.
            LOGGER.log(Level.WARNING, "cannot read the ML Gates result " + file, e);
            loadProblem = Messages.get("ResultAction.unreadableIo", id);
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

    @Exported(visibility = 2)
    public String getResultDigest() {
        return summary.getResultDigest();
    }

    @Exported
    public int getOmittedChecks() {
        return summary.getOmittedChecks();
    }

    /**
     * Every check of the stored result, in policy order. Visibility 0: read from the result's file, so never for a
     * build's or a job's API at the usual depths (a job's {@code api/json?depth=2} reads no result file); the result's
     * own API ({@link #getApi}) serves it.
     */
    @Exported(visibility = 0)
    public List<CheckRow> getChecks() {
        GateResult result = result();
        return result == null ? List.of() : result.checks().stream().map(CheckRow::new).toList();
    }

    /** Every metric of the stored result. Visibility 0, as {@link #getChecks}. */
    @Exported(visibility = 0)
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
        return result.data().described() + ": " + result.data().rows() + " rows"
                + (result.data().droppedRows() > 0 ? ", " + result.data().droppedRows() + " dropped" : "");
    }

    /**
     * The organisation policy the result was judged under (set in Manage Jenkins, or named by the step), with its
     * digest: "Manage Jenkins: organisation policy, sha256:…"; null without one or when the result cannot be read.
     */
    public String getOrganisationPolicy() {
        GateResult result = result();
        return result == null ? null : result.organisationPolicy()
                .map(org -> Bounds.text(org.file(), Bounds.NAME) + ", " + Bounds.text(org.digest(), Bounds.NAME))
                .orElse(null);
    }

    /**
     * The result's signed attestation as build.xml keeps it (the key that signed it, the file's digest), served at
     * {@code …/<build>/mlgates/<id>/attestation}; null when the controller signed none, and then nothing on the page
     * or in the API says the result is signed.
     */
    public KeptAttestation getAttestation() {
        return attestation;
    }

    /** The id of the key that signed the result's attestation ({@code SHA256:…}); null when none was signed. */
    @Exported(visibility = 2)
    public String getSignedBy() {
        return attestation == null ? null : attestation.getKeyId();
    }

    /**
     * {@code …/<build>/mlgates/<id>/attestation}: the DSSE envelope, as the file {@code <id>.intoto.jsonl} to hand to a
     * verifier; only while the file still has the digest it had when it was signed and kept.
     */
    public void doAttestation(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        AttestationDownload.serve(response, buildDir == null ? null : attestation,
                buildDir == null ? null : Attestations.ofResult(buildDir.toPath(), summary.getId()),
                Messages.get("Attestation.ofResult", summary.getId()));
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
        return Messages.get("ResultAction.displayName", summary.getId());
    }

    @Override
    public String getUrlName() {
        return GateResultsAction.URL_NAME + "/" + summary.getId();
    }
}
