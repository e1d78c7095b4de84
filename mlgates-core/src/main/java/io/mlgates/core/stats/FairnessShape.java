package io.mlgates.core.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgates.core.fairness.FairnessAccumulator;
import io.mlgates.core.metrics.StateJson;
import java.util.ArrayList;
import java.util.List;

/** The sensitive columns and intersections a fairness state was built for, read from its attributes. */
final class FairnessShape {
    private FairnessShape() {
    }

    /** An empty accumulator with the state's columns (one-column attributes) and intersections (the others). */
    static FairnessAccumulator of(JsonNode state, boolean hasScores, int calibrationBins, int maxGroups)
            throws StateJson.StateException {
        List<String> columns = new ArrayList<>();
        List<List<String>> intersections = new ArrayList<>();
        JsonNode attributes = state.path("attributes");
        for (int a = 0; a < attributes.size(); a++) {
            List<String> cols = new ArrayList<>();
            attributes.get(a).path("columns").forEach(c -> cols.add(c.asText()));
            if (cols.size() == 1) {
                if (!intersections.isEmpty()) {
                    throw new StateJson.StateException("/fairness/attributes/" + a, "expected the sensitive columns"
                            + " before their intersections");
                }
                columns.add(cols.get(0));
            } else {
                intersections.add(cols);
            }
        }
        try {
            return new FairnessAccumulator(columns, intersections, hasScores, calibrationBins, maxGroups);
        } catch (IllegalArgumentException e) {
            throw new StateJson.StateException("/fairness/attributes", e.getMessage());
        }
    }
}
