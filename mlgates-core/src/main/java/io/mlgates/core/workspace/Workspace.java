package io.mlgates.core.workspace;

import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The model repository a gate reads from. Every path a policy or a command line names is resolved here,
 * and must stay inside: no absolute path, no {@code ..} above the root, no symbolic link that leads out.
 */
public final class Workspace {
    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    public static Workspace at(Path root) throws BadInputException {
        Objects.requireNonNull(root, "root");
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new BadInputException(root.toString(), 0, 0, "not a folder: expected the model repository's root");
        }
        return new Workspace(absolute);
    }

    public Path root() {
        return root;
    }

    /** The folder's own name, the conventional model name. */
    public String name() {
        Path fileName = root.getFileName();
        return fileName == null ? "model" : fileName.toString();
    }

    /**
     * Resolves a path named by the user, relative to the root.
     *
     * @param relative the path as written
     * @param namedIn where it was named, for the message ("mlgates.yaml", "--predictions")
     */
    public Path resolve(String relative, String namedIn) throws BadInputException {
        Path candidate;
        try {
            candidate = Path.of(relative);
        } catch (InvalidPathException e) {
            throw new BadInputException(namedIn, 0, 0, "'" + relative + "' is not a valid path: " + e.getReason());
        }
        if (candidate.isAbsolute()) {
            throw new BadInputException(namedIn, 0, 0,
                    "'" + relative + "' is absolute; expected a path relative to the model repository");
        }
        Path resolved = root.resolve(candidate).normalize();
        if (!resolved.startsWith(root)) {
            throw new BadInputException(namedIn, 0, 0,
                    "'" + relative + "' leads outside the model repository; expected a path inside it");
        }
        if (Files.exists(resolved)) {
            try {
                Path real = resolved.toRealPath();
                if (!real.startsWith(root.toRealPath())) {
                    throw new BadInputException(namedIn, 0, 0,
                            "'" + relative + "' is a symbolic link that leads outside the model repository");
                }
            } catch (IOException e) {
                throw new BadInputException(namedIn, 0, 0, "cannot read '" + relative + "': " + e.getMessage(), e);
            }
        }
        return resolved;
    }

    /** How a resolved path is shown to the user: relative to the root, with forward slashes. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(root)) {
            String rel = root.relativize(absolute).toString().replace('\\', '/');
            return rel.isEmpty() ? "." : rel;
        }
        return path.toString();
    }
}
