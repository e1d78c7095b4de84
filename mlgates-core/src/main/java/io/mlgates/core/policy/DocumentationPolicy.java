package io.mlgates.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the model's documentation is. A path left out is looked for at its conventional place; whether a missing
 * file is a failure depends on the risk tier.
 *
 * @param modelCard the model card (Markdown with YAML front matter, YAML or JSON); by convention {@value #MODEL_CARD}
 * @param features the model's declared input features; by convention {@value #FEATURES}
 * @param explanation feature attributions or reason codes; no conventional place
 */
public record DocumentationPolicy(Optional<String> modelCard, Optional<String> features,
                                  Optional<String> explanation) {
    public static final String MODEL_CARD = "MODEL_CARD.md";
    public static final String FEATURES = "model/features.json";

    public DocumentationPolicy {
        Objects.requireNonNull(modelCard, "modelCard");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(explanation, "explanation");
    }

    public static DocumentationPolicy defaults() {
        return new DocumentationPolicy(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
