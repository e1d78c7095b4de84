package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Reads the metrics a registry recorded for the version now in a stage: the baseline {@code from: production}
 * compares with. The caller decides which registry (the gate itself opens none).
 */
@FunctionalInterface
public interface StageMetrics {
    /**
     * @throws BadInputException when the registry cannot be read or its record does not hold
     */
    Found in(String stage) throws BadInputException;

    /** For callers that have no registry to read: a stage baseline is then bad input, with the reason. */
    static StageMetrics unavailable(String reason) {
        Objects.requireNonNull(reason, "reason");
        return stage -> {
            throw new BadInputException(BaselineSource.STAGE_PREFIX + stage, 0, 0, reason);
        };
    }

    /** What the registry holds for a stage. */
    sealed interface Found {
    }

    /**
     * The metrics recorded for the stage's version.
     *
     * @param shownAs how results name the baseline, e.g. {@code registry:production (version 3, ...)}
     * @param values metric name to value
     * @param digest {@code sha256:} digest of the recorded metrics, so that a result names exactly what it compared
     *     with
     */
    record Recorded(String shownAs, Map<String, OptionalDouble> values, String digest) implements Found {
        public Recorded {
            Objects.requireNonNull(shownAs, "shownAs");
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            Objects.requireNonNull(digest, "digest");
        }
    }

    /**
     * No version is in the stage (or there is no registry yet): nothing to compare with, said why.
     *
     * @param reason why, for the skipped comparison's message
     */
    record Absent(String reason) implements Found {
        public Absent {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
