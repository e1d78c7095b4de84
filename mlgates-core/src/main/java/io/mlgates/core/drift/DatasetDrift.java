package io.mlgates.core.drift;

import java.util.Objects;
import java.util.Optional;

/**
 * Data-set drift as Evidently defines it: the share of judged columns that drifted, and whether it reaches the
 * policy's share. Columns whose drift is undefined are not judged: they count in neither the numerator nor the
 * denominator, and are counted apart.
 *
 * @param share drifted columns / judged columns; undefined when no column could be judged
 * @param drifted whether {@code share} reaches the threshold; empty when the share is undefined
 * @param columns columns judged (with a defined result)
 * @param driftedColumns columns that drifted
 * @param undefinedColumns columns whose drift is undefined
 * @param threshold the policy's share (Evidently's default 0.5)
 */
public record DatasetDrift(DriftValue share, Optional<Boolean> drifted, int columns, int driftedColumns,
                           int undefinedColumns, double threshold) {
    public DatasetDrift {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(drifted, "drifted");
        if (columns < 0 || driftedColumns < 0 || undefinedColumns < 0 || driftedColumns > columns) {
            throw new IllegalArgumentException("column counts must be >= 0 with drifted <= judged");
        }
        if (drifted.isPresent() != share.isDefined()) {
            throw new IllegalArgumentException("drifted is decided exactly when the share is defined");
        }
        DriftPolicy.checkShare(threshold);
    }
}
