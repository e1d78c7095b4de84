package io.mlgates.core.gate;

import java.util.Objects;

/** Where a caller's baseline comes from instead of the policy's: a metrics file, or a registry stage. */
public sealed interface BaselineSource {
    /** How a command line names a stage's baseline: {@code registry:production}. */
    String STAGE_PREFIX = "registry:";

    /** How results record it as an override. */
    String shown();

    /** A metrics file: a flat {@code {"name": value}} object or a gate result. */
    record File(RequestedFile file) implements BaselineSource {
        public File {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String shown() {
            return file.path();
        }
    }

    /** The metrics the registry recorded for the version now in a stage. */
    record Stage(String stage) implements BaselineSource {
        public Stage {
            Objects.requireNonNull(stage, "stage");
            if (stage.isBlank()) {
                throw new IllegalArgumentException("a stage has a name");
            }
        }

        @Override
        public String shown() {
            return STAGE_PREFIX + stage;
        }
    }
}
