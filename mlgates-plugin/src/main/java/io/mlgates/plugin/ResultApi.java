package io.mlgates.plugin;

import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What {@code …/<build>/mlgates/<id>/api/json} serves: the result's summary, every check and every metric at the
 * default depth. A bean of its own because the action, which a build's API embeds, exports checks and metrics only at
 * visibility 0 (they are read from the result's file).
 */
@ExportedBean
public final class ResultApi {
    private final GateResultAction result;

    ResultApi(GateResultAction result) {
        this.result = result;
    }

    @Exported
    public String getId() {
        return result.getId();
    }

    @Exported
    public String getGate() {
        return result.getGate();
    }

    /** The status the agent reported, checked against the stored result's checks. */
    @Exported
    public String getStatus() {
        return result.getStatus();
    }

    @Exported
    public String getModel() {
        return result.getModel();
    }

    @Exported
    public String getCandidate() {
        return result.getCandidate();
    }

    @Exported
    public String getPolicy() {
        return result.getPolicy();
    }

    /** {@code sha256:} digest of the stored result's JSON, computed on the controller. */
    @Exported
    public String getResultDigest() {
        return result.getResultDigest();
    }

    /** The id of the key that signed the result's attestation ({@code …/attestation}); null when none was signed. */
    @Exported
    public String getSignedBy() {
        return result.getSignedBy();
    }

    @Exported
    public Map<String, Long> getCounts() {
        return result.getCounts();
    }

    @Exported
    public int getOmittedChecks() {
        return result.getOmittedChecks();
    }

    @Exported
    public List<CheckRow> getChecks() {
        return result.getChecks();
    }

    @Exported
    public List<MetricRow> getMetrics() {
        return result.getMetrics();
    }

    /** Why the checks and metrics are missing, or null. */
    @Exported
    public String getLoadProblem() {
        return result.getLoadProblem();
    }
}
