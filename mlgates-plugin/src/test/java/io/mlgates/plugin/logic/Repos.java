package io.mlgates.plugin.logic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Model repositories as users lay them out, for tests that run the real engine: 20 held-out predictions of a binary
 * model, accuracy 0.85, recall 0.8, each row in a group {@code g0}...{@code g19} of its own.
 */
final class Repos {
    static final String PASS = "limits:\n  - metric: accuracy\n    min: 0.5\n";
    static final String WARN = "limits:\n  - metric: accuracy\n    min: 0.5\n  - metric: recall\n    min: 0.9\n"
            + "    severity: warn\n";
    static final String FAIL = "limits:\n  - metric: accuracy\n    min: 0.95\n  - metric: recall\n    min: 0.5\n";
    /** A slice check for each of the 20 groups, each passing: 21 checks besides data:rows. */
    static final String MANY_CHECKS = PASS + "slices:\n  - column: g\n    minSize: 1\n    limits:\n"
            + "      - metric: accuracy\n        min: 0.0\n";

    private Repos() {
    }

    /** A repository in {@code dir}, with {@code policy} as its mlgates.yaml (none when null). */
    static Path binary(Path dir, String policy) throws IOException {
        Files.createDirectories(dir.resolve("model"));
        Files.writeString(dir.resolve("model/model.bin"), "weights");
        Files.createDirectories(dir.resolve("eval"));
        StringBuilder csv = new StringBuilder("label,score,g\n");
        for (int i = 0; i < 20; i++) {
            boolean positive = i % 2 == 0;
            double score = positive ? (i == 0 || i == 2 ? 0.3 : 0.9) : (i == 1 ? 0.7 : 0.1);
            csv.append(positive ? 1 : 0).append(',').append(score).append(",g").append(i).append('\n');
        }
        Files.writeString(dir.resolve("eval/predictions.csv"), csv);
        if (policy != null) {
            Files.writeString(dir.resolve("mlgates.yaml"), policy);
        }
        return dir;
    }
}
