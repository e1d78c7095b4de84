package io.mlgates.core.registry;

import java.util.Objects;

/**
 * A registered candidate.
 *
 * @param version its number within the model, from 1
 * @param registration what it was registered with
 */
public record ModelVersion(int version, Registration registration) {
    public ModelVersion {
        Objects.requireNonNull(registration, "registration");
        if (version < 1) {
            throw new IllegalArgumentException("versions are numbered from 1: " + version);
        }
    }

    public String model() {
        return registration.model();
    }

    public String digest() {
        return registration.digest();
    }

    public String author() {
        return registration.author();
    }
}
