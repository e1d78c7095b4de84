package io.mlgates.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small model repository laid out by convention: a model file, predictions and a policy, under {@code dir/repo}. */
final class SmallRepository {
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
