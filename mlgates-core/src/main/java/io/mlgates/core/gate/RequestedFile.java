package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.workspace.Workspace;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file a caller names instead of the policy's. Who named it decides where it may be: a path the user typed on a
 * command line is the user's own and is read wherever it is (it came from the user, not from the repository); a
 * path from a step argument or anything else the repository supplies is resolved inside the repository and must
 * stay there, as a policy's paths do.
 *
 * @param path the path as given
 * @param usersOwn whether the user typed it, so that it may lie outside the repository
 */
public record RequestedFile(String path, boolean usersOwn) {
    public RequestedFile {
        Objects.requireNonNull(path, "path");
    }

    /** A path relative to the model repository, confined to it. */
    public static RequestedFile inRepository(String relative) {
        return new RequestedFile(relative, false);
    }

    /** A path the user typed, relative to the current folder or absolute, read wherever it is. */
    public static RequestedFile usersOwn(Path path) {
        return new RequestedFile(path.toString(), true);
    }

    /**
     * The file to read.
     *
     * @param namedIn where it was named, for messages ({@code --predictions})
     */
    public Path resolve(Workspace workspace, String namedIn) throws BadInputException {
        if (!usersOwn) {
            return workspace.resolve(path, namedIn);
        }
        try {
            return Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new BadInputException(namedIn, 0, 0, "'" + path + "' is not a valid path: " + e.getReason());
        }
    }
}
