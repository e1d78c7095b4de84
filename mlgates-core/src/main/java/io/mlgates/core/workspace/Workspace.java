package io.mlgates.core.workspace;

import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The model repository a gate reads from and writes its results, registry and report into. Every path a policy or
 * a command line names is resolved here, and must stay inside: no absolute path, no {@code ..} above the root, no
 * symbolic link that leads out. A path that does not exist yet (one the tool is about to create) is checked through
 * the real path of its nearest existing parent, so that a linked {@code .mlgates/} cannot lead the first run's
 * files outside.
 */
public final class Workspace {
    private final Path root;
    private final Path realRoot;

    private Workspace(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
    }

    public static Workspace at(Path root) throws BadInputException {
        Objects.requireNonNull(root, "root");
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new BadInputException(root.toString(), 0, 0, "not a folder: expected the model repository's root");
        }
        try {
            return new Workspace(absolute, absolute.toRealPath());
        } catch (IOException e) {
            throw new BadInputException(root.toString(), 0, 0, "cannot read the model repository's root: "
                    + e.getMessage(), e);
        }
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
        confine(resolved, relative, namedIn);
        return resolved;
    }

    /**
     * Checks a path typed on the command line that the tool will write (a results or report folder, a registry):
     * when it lies inside the repository, it must stay inside through every symbolic link, as a policy's paths do.
     * A path outside the repository is the user's explicit choice and is left alone; the repository itself, or a
     * folder above it, is refused, since an output folder is replaced as a whole.
     *
     * @return {@code path}, unchanged
     */
    public Path checkOutput(Path path, String namedIn) throws BadInputException {
        Path absolute = path.toAbsolutePath().normalize();
        if (root.startsWith(absolute)) {
            throw new BadInputException(namedIn, 0, 0, "'" + path + "' is the model repository or holds it; expected a"
                    + " folder of its own inside it, such as .mlgates/results");
        }
        if (absolute.startsWith(root)) {
            confine(absolute, path.toString(), namedIn);
        }
        return path;
    }

    /** The real path of the nearest part of {@code resolved} that exists must lie inside the real root. */
    private void confine(Path resolved, String shown, String namedIn) throws BadInputException {
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (NoSuchFileException e) {
            throw new BadInputException(namedIn, 0, 0, "'" + shown + "' passes through a symbolic link to nothing"
                    + " (" + display(existing) + "); expected a path inside the model repository");
        } catch (IOException e) {
            throw new BadInputException(namedIn, 0, 0, "cannot read '" + shown + "': " + e.getMessage(), e);
        }
        if (!real.startsWith(realRoot)) {
            throw new BadInputException(namedIn, 0, 0, "'" + shown + "' leads outside the model repository through"
                    + " a symbolic link (" + display(existing) + "); expected a path inside it");
        }
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
