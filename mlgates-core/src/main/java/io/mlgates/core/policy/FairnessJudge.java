package io.mlgates.core.policy;

/**
 * What a fairness limit is compared with: the point estimate, or the whole confidence interval (breaking the limit
 * only when the whole interval lies beyond it, a WARN when the interval straddles it).
 */
public enum FairnessJudge {
    ESTIMATE,
    INTERVAL
}
