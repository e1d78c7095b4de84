package io.mlgates.core.registry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A candidate to register as a model version.
 *
 * @param model the model's name
 * @param digest the candidate's {@code sha256:} digest
 * @param source where its artefacts are (a path or URI)
 * @param buildLink the build that produced it, when known
 * @param author who triggered or authored it: the four-eyes rule bars this user from approving it
 * @param at when, to the millisecond
 * @param metrics metric name to point estimate, as the validation gate measured them
 * @param evidence the gate results it was registered with
 */
public record Registration(String model, String digest, String source, Optional<String> buildLink, String author,
                           Instant at, Map<String, Double> metrics, List<GateEvidence> evidence) {
    public Registration {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(buildLink, "buildLink");
        Objects.requireNonNull(author, "author");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        evidence = List.copyOf(evidence);
        if (model.isBlank() || author.isBlank()) {
            throw new IllegalArgumentException("a registration names its model and author");
        }
    }
}
