package io.mlgates.core.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's declared input features, from a JSON file: a list of names, or an object whose {@code features} is a
 * list of names or of objects with a {@code name} (as the credit-risk example's {@code model/features.json}).
 */
public final class FeatureList {
    private FeatureList() {
    }

    public static List<String> read(Path file, String display) throws DocumentException {
        JsonNode root = Documents.json(Documents.text(file, display), display);
        JsonNode list = root.isArray() ? root : root.path("features");
        if (!list.isArray()) {
            throw new DocumentException(display + ": expected a list of feature names, or an object with a"
                    + " 'features' list");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode name = item.isTextual() ? item : item.path("name");
            if (!name.isTextual() || name.asText().isEmpty()) {
                throw new DocumentException(display + ": feature " + item + " has no name");
            }
            names.add(name.asText());
        }
        return names;
    }
}
