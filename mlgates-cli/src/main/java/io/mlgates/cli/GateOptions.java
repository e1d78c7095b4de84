package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.ColumnChoice;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every gate command shares (validate, ethics, run), written once and mixed into each. */
final class GateOptions {
    @Option(names = "--policy", paramLabel = "FILE",
            description = "policy file, anywhere (default: mlgates.yaml of the repository, found by searching up from"
                    + " the current folder)")
    Path policy;

    @Option(names = "--org-policy", paramLabel = "FILE",
            description = "organisation policy the model policy may tighten, never loosen (default: $"
                    + Validation.ORG_POLICY_VARIABLE + ")")
    Path orgPolicy;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "prediction file instead of the policy's, anywhere")
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

    @Option(names = "--out", paramLabel = "DIR", description = "write the JSON results and JUnit XML here, atomically")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (json: the results on standard output); default ${DEFAULT-VALUE}")
    OutputFormat format;

    /**
     * The run's options.
     *
     * @param directory the repository given as an argument ({@code run DIR}), if any
     * @param start the current folder, where the search for the repository starts
     * @param defaultOut the results folder when {@code --out} is not given, from the repository's root
     */
    Validation.Options toOptions(Optional<Path> directory, Path start, Optional<Path> defaultOut)
            throws BadInputException {
        ModelLocation location = ModelLocation.of(Optional.ofNullable(policy), directory, start);
        Optional<Path> results = Optional.ofNullable(out).or(() -> defaultOut.map(location.repository()::resolve));
        return new Validation.Options(location, Optional.ofNullable(orgPolicy), Optional.ofNullable(predictions),
                results, format, new ColumnChoice(column(labelColumn, "--label-column"),
                column(scoreColumn, "--score-column"), column(predictionColumn, "--prediction-column"),
                column(weightColumn, "--weight-column")));
    }

    private static Optional<String> column(String name, String option) throws BadInputException {
        if (name != null && name.isBlank()) {
            throw new BadInputException(option, 0, 0, "expected the name of a column of the prediction file");
        }
        return Optional.ofNullable(name);
    }
}
