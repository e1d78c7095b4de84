package io.mlgates.shim.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code shared/jenkins-api/reference.txt}, which lives beside the repository ({@code ../shared} from its root,
 * where CI clones it too): from the working directory (a module's folder under Maven) upwards.
 */
public final class ReferenceFile {
    static final Path RELATIVE = Path.of("shared", "jenkins-api", "reference.txt");
    /** The repository root is at most two levels above a module; its parent holds {@code shared/}. */
    private static final int LEVELS = 4;

    private ReferenceFile() {
    }

    public static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        List<Path> tried = new ArrayList<>();
        for (int i = 0; i < LEVELS && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException("reference.txt of the Jenkins API not found; the repository expects "
                + "../shared/jenkins-api/reference.txt beside its root (CI clones it there). Tried: " + tried);
    }

    public static ReferenceList load() {
        try {
            return ReferenceList.read(locate());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read reference.txt: " + e.getMessage(), e);
        }
    }
}
