package io.mlgates.core.policy;

/**
 * Risk tiers as the EU AI Act names them. The tier selects which ethics checks are mandatory; a higher tier
 * requires everything a lower one does. Ordered from lowest to highest.
 */
public enum RiskTier {
    MINIMAL,
    LIMITED,
    HIGH;

    /** Whether this tier requires at least what {@code other} requires. */
    public boolean atLeast(RiskTier other) {
        return compareTo(other) >= 0;
    }
}
