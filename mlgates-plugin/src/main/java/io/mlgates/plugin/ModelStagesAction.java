package io.mlgates.plugin;

import hudson.model.Action;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.plugin.logic.promotion.ModelStages;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The job page's view of the team registry, beside the trend: for each model the last build promoted, the stages and
 * the versions they point to. No page and no side-panel entry of its own; read from the registry on the controller
 * when the job page is drawn, never written.
 */
public final class ModelStagesAction implements Action {
    private static final Logger LOGGER = Logger.getLogger(ModelStagesAction.class.getName());

    private final List<String> models;

    ModelStagesAction(List<String> models) {
        this.models = List.copyOf(models);
    }

    /** Each model's stages; a model whose registry cannot be read is left out, and the controller's log says why. */
    public List<ModelStages> getModels() {
        List<ModelStages> read = new ArrayList<>();
        for (String model : models) {
            try {
                read.add(ModelStages.read(TeamRegistryConfiguration.get().registry(), model));
            } catch (RegistryException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "cannot read the team registry's stages of " + model, e);
            }
        }
        return read;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.get("ModelStagesAction.displayName");
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
