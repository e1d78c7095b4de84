package io.mlgates.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The bundled credit-risk example, copied so that a test may change and judge it without touching the original. */
final class ExampleRepository {
    static final Path EXAMPLE = Path.of("..", "examples", "credit-risk");

    private ExampleRepository() {
    }

    /** Copies the example into {@code dir}/credit-risk, leaving out local results ({@code .mlgates}). */
    static Path copyInto(Path dir) throws IOException {
        Path repo = dir.resolve("credit-risk");
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.naturalOrder())::iterator) {
                Path relative = EXAMPLE.relativize(p);
                if (relative.toString().startsWith(".mlgates")) {
                    continue;
                }
                Path target = repo.resolve(relative.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return repo;
    }
}
