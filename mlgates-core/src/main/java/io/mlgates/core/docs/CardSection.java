package io.mlgates.core.docs;

import java.util.List;
import java.util.Locale;

/**
 * The sections a model card may be required to hold (Mitchell et al. 2019, "Model Cards for Model Reporting", and
 * Hugging Face's model card template), each with the headings that count as it in Markdown and its key in a YAML or
 * JSON card.
 */
public enum CardSection {
    INTENDED_USE("intended use", "intended use", "intended uses", "uses", "direct use", "primary intended uses"),
    OUT_OF_SCOPE_USES("out-of-scope uses", "out-of-scope use", "out-of-scope uses", "out of scope use",
            "out of scope uses"),
    TRAINING_DATA("training data", "training data", "training details"),
    EVALUATION_DATA("evaluation data", "evaluation data", "testing data", "test data"),
    METRICS("metrics", "metrics", "evaluation results", "results", "evaluation", "quantitative analyses"),
    ETHICAL_CONSIDERATIONS("ethical considerations", "ethical considerations", "bias, risks, and limitations",
            "bias risks and limitations", "risks"),
    CAVEATS("caveats", "caveats", "caveats and recommendations", "limitations", "recommendations"),
    OWNER_CONTACT("owner and contact", "owner", "owners", "contact", "model card contact", "owner and contact",
            "model card authors");

    private final String title;
    private final List<String> headings;

    CardSection(String title, String... headings) {
        this.title = title;
        this.headings = List.of(headings);
    }

    /** The section as people call it. */
    public String title() {
        return title;
    }

    /** The key of the section in a YAML or JSON card, and in check ids: {@code out_of_scope_uses}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean matchesHeading(String normalised) {
        return headings.contains(normalised);
    }
}
