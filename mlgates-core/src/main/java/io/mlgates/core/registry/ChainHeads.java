package io.mlgates.core.registry;

import io.mlgates.core.gate.SeenChainHead;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Reads the newest entry of an embedded registry's audit chain without changing the file: opened read-only, never
 * created, never migrated. What a gate records as the chain head it saw.
 */
public final class ChainHeads {
    private ChainHeads() {
    }

    /**
     * @param file the registry file
     * @param shownAs how results name it, for example {@code .mlgates/registry.db}
     * @return the newest entry's place and hash, or why there is none: no registry there, no entry yet, a file that
     *     cannot be read as one
     */
    public static SeenChainHead read(Path file, String shownAs) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return SeenChainHead.none(shownAs, "no registry there");
        }
        // The readers' own read-only open: nothing created, migrated or left beside the file, and a head that
        // disagrees with its log is reported rather than recorded.
        try (SqliteRegistry registry = SqliteRegistry.openForReading(file, shownAs)) {
            return registry.head().map(head -> SeenChainHead.of(shownAs, head))
                    .orElseGet(() -> SeenChainHead.none(shownAs, "the registry has no audit entry yet"));
        } catch (RegistryException e) {
            // A gate judges the model, not the registry: what it could not read is recorded, audit verify names it.
            return SeenChainHead.none(shownAs, "the registry's chain head cannot be read: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
