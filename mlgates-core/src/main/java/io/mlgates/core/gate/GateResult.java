package io.mlgates.core.gate;

import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.drift.DriftReport;
import io.mlgates.core.fairness.FairnessResult;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.ScoreCurves;
import io.mlgates.core.policy.OrganisationRef;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict of one gate on one candidate under one policy, with the evidence: every metric and every check.
 *
 * @param gate the gate's name ({@code validate})
 * @param status worst check, see {@link Status#worstOf}
 * @param modelName the model's name
 * @param candidate the candidate judged, by digest
 * @param policyDigest {@code sha256:} digest of the policy file's bytes (of empty input for the defaults)
 * @param policyFile the policy file, when there was one
 * @param organisationPolicy the organisation policy whose floor applied, when there was one
 * @param data what was read
 * @param metrics every metric by name, in a stable order
 * @param checks every check, in the order the policy states them
 * @param curves ROC, precision-recall and calibration data, for a binary model with a score column
 * @param evaluatedAt when
 * @param engineVersion version of the engine that judged
 * @param fairness group figures and disparities, for the ethics gate
 * @param evidence the data files read, the registry's chain head seen and the overrides, as promotion compares them
 * @param drift the drift of the input columns and of the model's output against the reference, when the policy
 *     names one ({@code data.reference}, {@code data.profile})
 */
public record GateResult(String gate, Status status, String modelName, Candidate candidate, String policyDigest,
                         Optional<String> policyFile, Optional<OrganisationRef> organisationPolicy, DataSummary data,
                         Map<String, MetricValue> metrics, List<CheckResult> checks, Optional<ScoreCurves> curves,
                         Instant evaluatedAt, String engineVersion, Optional<FairnessResult> fairness,
                         Evidence evidence, Optional<DriftReport> drift) {
    public GateResult {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(policyDigest, "policyDigest");
        Objects.requireNonNull(policyFile, "policyFile");
        Objects.requireNonNull(organisationPolicy, "organisationPolicy");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(curves, "curves");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(fairness, "fairness");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(drift, "drift");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        checks = List.copyOf(checks);
        if (status != Status.worstOf(checks.stream().map(CheckResult::status).toList())) {
            throw new IllegalArgumentException("a gate's status is its worst check");
        }
    }

    /** A result without drift: a gate whose policy judges no input data. */
    public GateResult(String gate, Status status, String modelName, Candidate candidate, String policyDigest,
                      Optional<String> policyFile, Optional<OrganisationRef> organisationPolicy, DataSummary data,
                      Map<String, MetricValue> metrics, List<CheckResult> checks, Optional<ScoreCurves> curves,
                      Instant evaluatedAt, String engineVersion, Optional<FairnessResult> fairness,
                      Evidence evidence) {
        this(gate, status, modelName, candidate, policyDigest, policyFile, organisationPolicy, data, metrics, checks,
                curves, evaluatedAt, engineVersion, fairness, evidence, Optional.empty());
    }

    /** Number of checks with the given status. */
    public long count(Status s) {
        return checks.stream().filter(c -> c.status() == s).count();
    }
}
