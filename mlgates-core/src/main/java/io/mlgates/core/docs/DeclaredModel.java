package io.mlgates.core.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a model card states about the model itself under {@code model_parameters} (front matter, or a YAML/JSON card):
 * how it learns, its architecture, the formats of its inputs and outputs. The ML-BOM copies them into CycloneDX's
 * {@code modelParameters}; what the card does not state stays out (docs/bom.md).
 *
 * @param approach {@code supervised}, {@code unsupervised}, {@code reinforcement-learning}, {@code semi-supervised} or
 *     {@code self-supervised}, CycloneDX 1.6's approach types
 * @param architectureFamily the architecture family, as {@code logistic regression} or {@code transformer}
 * @param modelArchitecture the specific architecture, as {@code ResNet-50}
 * @param inputs the format of each input, as {@code tabular}
 * @param outputs the format of each output
 */
public record DeclaredModel(Optional<String> approach, Optional<String> architectureFamily,
                            Optional<String> modelArchitecture, List<String> inputs, List<String> outputs) {
    /** The key of the declarations in a card's metadata. */
    public static final String KEY = "model_parameters";
    /** CycloneDX 1.6's {@code modelParameters.approach.type} values. */
    public static final List<String> APPROACHES = List.of("supervised", "unsupervised", "reinforcement-learning",
            "semi-supervised", "self-supervised");
    static final DeclaredModel NONE = new DeclaredModel(Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), List.of());
    private static final Set<String> KEYS = Set.of("approach", "architecture_family", "model_architecture", "inputs",
            "outputs");

    public DeclaredModel {
        Objects.requireNonNull(approach, "approach");
        Objects.requireNonNull(architectureFamily, "architectureFamily");
        Objects.requireNonNull(modelArchitecture, "modelArchitecture");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (approach.isPresent() && !APPROACHES.contains(approach.get())) {
            throw new IllegalArgumentException("not an approach: " + approach.get());
        }
    }

    /** Whether the card states nothing of it. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The declarations in a card's metadata ({@code root}), or {@link #NONE} without the key. */
    static DeclaredModel of(JsonNode root, String display) throws DocumentException {
        JsonNode node = root.path(KEY);
        if (node.isMissingNode() || node.isNull()) {
            return NONE;
        }
        String where = display + ": " + KEY;
        if (!node.isObject()) {
            throw new DocumentException(where + " is not a mapping; expected keys among " + String.join(", ",
                    KEYS.stream().sorted().toList()));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new DocumentException(where + " has the unknown key '" + clip(name) + "'; expected one of "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        Optional<String> approach = text(node, "approach", where);
        if (approach.isPresent() && !APPROACHES.contains(approach.get())) {
            throw new DocumentException(where + ".approach is '" + clip(approach.get()) + "'; expected one of "
                    + String.join(", ", APPROACHES));
        }
        return new DeclaredModel(approach, text(node, "architecture_family", where),
                text(node, "model_architecture", where), formats(node, "inputs", where),
                formats(node, "outputs", where));
    }

    private static Optional<String> text(JsonNode node, String name, String where) throws DocumentException {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new DocumentException(where + "." + name + " is not a text; expected, for example, "
                    + (name.equals("approach") ? "supervised" : "logistic regression"));
        }
        return Optional.of(value.asText().strip());
    }

    /** A list of formats: each a text ({@code tabular}) or, as CycloneDX writes it, {@code {format: tabular}}. */
    private static List<String> formats(JsonNode node, String name, String where) throws DocumentException {
        JsonNode list = node.path(name);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new DocumentException(where + "." + name + " is not a list; expected the format of each, as"
                    + " [tabular]");
        }
        List<String> formats = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode format = item.isObject() && item.size() == 1 ? item.path("format") : item;
            if (!format.isTextual() || format.asText().isBlank()) {
                throw new DocumentException(where + "." + name + "[" + formats.size() + "] is not a format; expected"
                        + " a text such as tabular, or {format: tabular}");
            }
            formats.add(format.asText().strip());
        }
        return formats;
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
