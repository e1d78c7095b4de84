package io.mlgates.plugin;

import hudson.model.BuildBadgeAction;
import java.util.Objects;

/** The badge of a build that promoted a model: beside the build in every list, naming the stage. */
public final class PromotedBadge implements BuildBadgeAction {
    private final String model;
    private final String stage;
    private final String version;

    PromotedBadge(String model, String stage, String version) {
        this.model = Objects.requireNonNull(model, "model");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.version = version == null ? "?" : version;
    }

    public String getStage() {
        return stage;
    }

    /** The badge's tooltip: "Promoted credit-risk version 3 to production". */
    public String getText() {
        return Messages.get("PromotedBadge.text", model, version, stage);
    }

    /** A symbol, drawn in the theme's colours. */
    public String getIcon() {
        return Icons.GATE;
    }

    /** A badge has no page of its own. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return getText();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
