package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.SensitiveColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --sensitive} and {@code --reference}: the policy's fairness settings on the command line (ethics, run). */
final class FairnessArguments {
    // A plain string, split here: picocli's split would turn "," into no column at all.
    @Option(names = "--sensitive", paramLabel = "COL[,COL|COL&COL...]",
            description = "sensitive columns instead of the policy's (the organisation's stay), an entry a&b asking"
                    + " for that intersection, as ethics.fairness.sensitive and intersections; recorded as an"
                    + " override")
    String sensitive;

    @Option(names = "--reference", paramLabel = "ATTRIBUTE=GROUP",
            description = "reference group of an attribute (age_band=25-39; an intersection's sex&age_band=male&25-39),"
                    + " as ethics.fairness.reference; repeatable; recorded as an override")
    List<String> reference = new ArrayList<>();

    Optional<List<String>> columns() throws BadInputException {
        return sensitive == null ? Optional.empty() : Optional.of(SensitiveColumns.parse(sensitive, "--sensitive"));
    }

    Map<String, String> references() throws BadInputException {
        return SensitiveColumns.references(reference, "--reference");
    }
}
