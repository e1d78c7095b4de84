package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.ColumnChoice;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every single-gate command shares (validate, ethics), written once and mixed into each. */
final class GateOptions {
    @Option(names = "--policy", paramLabel = "FILE", description = "policy file (default: ./mlgates.yaml if present)")
    Path policy;

    @Option(names = "--org-policy", paramLabel = "FILE",
            description = "organisation policy the model policy may tighten, never loosen (default: $"
                    + Validation.ORG_POLICY_VARIABLE + ")")
    Path orgPolicy;

    @Option(names = "--predictions", paramLabel = "FILE", description = "prediction file instead of the policy's")
    Path predictions;

    @Option(names = "--label-column", paramLabel = "COL",
            description = "column of the true label instead of the policy's predictions.columns.label")
    String labelColumn;

    @Option(names = "--score-column", paramLabel = "COL",
            description = "column of the positive class's probability instead of the policy's")
    String scoreColumn;

    @Option(names = "--prediction-column", paramLabel = "COL",
            description = "column of the predicted class or value instead of the policy's")
    String predictionColumn;

    @Option(names = "--weight-column", paramLabel = "COL",
            description = "column of sample weights instead of the policy's")
    String weightColumn;

    @Option(names = "--out", paramLabel = "DIR", description = "write the JSON result and JUnit XML here, atomically")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (json: the result on standard output); default ${DEFAULT-VALUE}")
    OutputFormat format;

    /** The run's options; the model repository is the policy file's folder, or the current folder without one. */
    Validation.Options toOptions() throws BadInputException {
        return new Validation.Options(repositoryOf(policy), Optional.ofNullable(policy),
                Optional.ofNullable(orgPolicy), Optional.ofNullable(predictions), Optional.ofNullable(out), format,
                new ColumnChoice(column(labelColumn, "--label-column"), column(scoreColumn, "--score-column"),
                        column(predictionColumn, "--prediction-column"), column(weightColumn, "--weight-column")));
    }

    private static Optional<String> column(String name, String option) throws BadInputException {
        if (name != null && name.isBlank()) {
            throw new BadInputException(option, 0, 0, "expected the name of a column of the prediction file");
        }
        return Optional.ofNullable(name);
    }

    private static Path repositoryOf(Path policyFile) {
        if (policyFile == null) {
            return Path.of("");
        }
        Path parent = policyFile.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("") : parent;
    }
}
