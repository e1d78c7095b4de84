package io.mlgates.plugin.logic.promotion;

import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.plugin.logic.Bounds;
import io.mlgates.plugin.logic.TeamRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a model stands in the team registry: each stage and the version it points to, as the job page shows it beside
 * the trend. Read only: the registry is opened, read and closed, nothing is written.
 *
 * @param model the model's name
 * @param stages each stage that points to a version, in the registry's order
 */
public record ModelStages(String model, List<Stage> stages) {
    public ModelStages {
        Objects.requireNonNull(model, "model");
        stages = List.copyOf(stages);
    }

    /** A stage, the version it points to and that version's digest. */
    public record Stage(String name, int version, String digest) {
        public Stage {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(digest, "digest");
        }

        public String getName() {
            return name;
        }

        public int getVersion() {
            return version;
        }

        public String getDigest() {
            return digest;
        }
    }

    public String getModel() {
        return model;
    }

    public List<Stage> getStages() {
        return stages;
    }

    public static ModelStages read(TeamRegistry team, String model) throws RegistryException {
        try (ModelRegistry registry = team.open(model)) {
            List<Stage> stages = new ArrayList<>();
            for (Map.Entry<String, Integer> e : registry.stages(model).entrySet()) {
                Optional<ModelVersion> version = registry.version(model, e.getValue());
                stages.add(new Stage(Bounds.text(e.getKey(), Bounds.NAME), e.getValue(),
                        version.map(ModelVersion::digest).orElse("")));
            }
            return new ModelStages(Bounds.text(model, Bounds.NAME), stages);
        }
    }
}
