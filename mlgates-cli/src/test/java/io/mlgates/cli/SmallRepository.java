package io.mlgates.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small model repository laid out by convention: a model file, predictions and a policy, under {@code dir/repo}. */
final class SmallRepository {
    /** Eight rows judged by hand: at the 0.5 cut-off, 3 of 4 positives and 3 of 4 negatives are right. */
    static final String EIGHT_ROWS = """
            label,score
            1,0.9
            1,0.8
            1,0.7
            1,0.2
            0,0.1
            0,0.3
            0,0.6
            0,0.4
            """;

    private SmallRepository() {
    }

    static Path create(Path dir, String predictions, String policy) throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("model"));
        Files.writeString(repo.resolve("model/m.bin"), "weights");
        Files.createDirectories(repo.resolve("eval"));
        Files.writeString(repo.resolve("eval/predictions.csv"), predictions);
        Files.writeString(repo.resolve("mlgates.yaml"), policy);
        return repo;
    }
}
