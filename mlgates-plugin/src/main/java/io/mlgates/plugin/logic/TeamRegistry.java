package io.mlgates.plugin.logic;

import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.RegistryException;
import java.util.Optional;

/**
 * The team's model registry as the controller reaches it: the one that promotions, approvals and the board read and
 * write. Opened for each use and closed after it, and only ever on the controller, never on an agent, so that every
 * build of every job sees the same registry and an agent cannot write to it.
 */
@FunctionalInterface
public interface TeamRegistry {
    /** Opens the registry; the caller closes it. */
    ModelRegistry open() throws RegistryException;

    /**
     * Opens the registry for one model's promotions; the caller closes it. An MLflow registry keeps one audit chain
     * per registered model and reads that model's chain ({@link ModelRegistry#auditLog}, {@link ModelRegistry#head},
     * {@link ModelRegistry#verifyAudit}), so it must be opened this way; the embedded registry, one chain for every
     * model, is the same either way.
     */
    default ModelRegistry open(String model) throws RegistryException {
        return open();
    }

    /**
     * Opens the registry for reading only, for one model as {@link #open(String)} does; the caller closes it. Empty
     * when there is no registry yet (the embedded file was never written), which then holds nothing: a read never
     * creates, migrates or writes it.
     */
    default Optional<ModelRegistry> openToRead(String model) throws RegistryException {
        return Optional.of(open(model));
    }

    /**
     * Whether one audit chain covers every model, so that one head stands for the whole registry: the embedded
     * registry; false for MLflow, which keeps one chain per model.
     */
    default boolean oneChain() {
        return true;
    }
}
