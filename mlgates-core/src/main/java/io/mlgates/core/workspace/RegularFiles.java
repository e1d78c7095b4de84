package io.mlgates.core.workspace;

import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Opens files the tool reads as input, only when they are what they claim: a regular file, and, when it must stay
 * inside a folder, not a symbolic link that leads out. Both are checked before the file is opened, so that a FIFO is
 * refused at once (opening one would wait for a writer) and a link's target is never read, nor its content echoed
 * in an error message.
 */
public final class RegularFiles {
    private RegularFiles() {
    }

    /**
     * The path to open for {@code file}: the file itself, or, when it is a symbolic link whose target stays inside
     * {@code confinedTo}, the target's real path.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is there
     * @throws Refused when it is not a regular file or leads outside; the message says which, not what it holds
     */
    public static Path checked(Path file, Optional<Path> confinedTo) throws IOException, Refused {
        BasicFileAttributes own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Path target = file;
        if (own.isSymbolicLink()) {
            try {
                target = file.toRealPath();
            } catch (java.nio.file.NoSuchFileException e) {
                throw new Refused("is a symbolic link to nothing");
            }
            if (confinedTo.isPresent() && !target.startsWith(confinedTo.get().toRealPath())) {
                throw new Refused("is a symbolic link that leads outside the model repository; it is not read");
            }
        }
        Optional<String> problem = problem(Files.readAttributes(target, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS));
        if (problem.isPresent()) {
            throw new Refused(problem.get());
        }
        return target;
    }

    /**
     * Why a file already confined to the repository may not be opened for reading: it is there, but a folder, FIFO,
     * device or socket. Empty when it is a regular file, or missing or unreadable (the opener's own message says so).
     */
    public static Optional<String> notRegular(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        return problem(attributes);
    }

    /** Why a file with these attributes is not read; empty for a regular file. */
    private static Optional<String> problem(BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(attributes.isDirectory() ? "is a directory, not a file"
                : "is not a regular file (a FIFO, device or socket); only regular files are read");
    }

    /** {@link #notRegular} as bad input naming {@code displayName}: a FIFO is refused before anything waits on it. */
    public static void requireRegular(Path file, String displayName) throws BadInputException {
        Optional<String> problem = notRegular(file);
        if (problem.isPresent()) {
            throw new BadInputException(displayName, 0, 0, problem.get());
        }
    }

    /** Opens a path that {@link #checked} returned, refusing a link put there since. */
    public static InputStream open(Path checked) throws IOException {
        return Files.newInputStream(checked, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    /** Why a file is not read. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String problem) {
            super(problem);
        }
    }
}
