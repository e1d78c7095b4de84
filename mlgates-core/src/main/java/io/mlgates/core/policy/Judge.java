package io.mlgates.core.policy;

/**
 * What a limit is compared with: the point estimate (the default), or the confidence bound on the
 * unfavourable side (the lower bound for a minimum, the upper bound for a maximum), so that a limit holds
 * only when the whole interval says so.
 */
public enum Judge {
    ESTIMATE,
    BOUND
}
