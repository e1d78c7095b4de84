package io.mlgates.core.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An explanation artefact, so that a person can be told why the model decided as it did: feature attributions
 * ({@code {"attributions": {"feature": value, ...}}}, a value being a number or, for a categorical feature, an object
 * of value to number), or reason codes per decision ({@code {"decisions": [{"id": ..., "reasons": ["feature", ...]}]}}).
 */
public final class Explanation {
    private Explanation() {
    }

    /** The features the artefact explains. */
    public static Set<String> coveredFeatures(Path file, String display) throws DocumentException {
        JsonNode root = Documents.json(Documents.text(file, display), display);
        Set<String> covered = new LinkedHashSet<>();
        JsonNode attributions = root.path("attributions");
        JsonNode decisions = root.path("decisions");
        if (!attributions.isObject() && !decisions.isArray()) {
            throw new DocumentException(display + ": expected an object with 'attributions' (feature to value) or"
                    + " 'decisions' (each with its 'reasons')");
        }
        attributions.fieldNames().forEachRemaining(covered::add);
        for (JsonNode decision : decisions) {
            for (JsonNode reason : decision.path("reasons")) {
                JsonNode feature = reason.isTextual() ? reason : reason.path("feature");
                if (feature.isTextual()) {
                    covered.add(feature.asText());
                }
            }
        }
        return covered;
    }
}
