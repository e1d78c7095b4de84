package io.mlgates.core.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The drift of each judged column, in the order judged, and of the data set.
 *
 * @param columns drift per column name
 * @param dataset the share of drifted columns against the policy's share
 */
public record DriftReport(Map<String, ColumnDrift> columns, DatasetDrift dataset) {
    public DriftReport {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(columns, "columns")));
        Objects.requireNonNull(dataset, "dataset");
    }
}
