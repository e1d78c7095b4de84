package io.mlgates.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a folder holds, for tests that check a spill left nothing behind. */
public final class Folders {
    private Folders() {
    }

    /** Files and folders under {@code folder}, at any depth, the folder itself not counted. */
    public static long filesIn(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> !p.equals(folder)).count();
        }
    }
}
