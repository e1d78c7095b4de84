package io.mlgates.plugin.logic;

import java.util.Map;
import java.util.Objects;

/**
 * How a gate step ends: with the value the Pipeline script receives, or failed with a message (no stack trace:
 * the message says what to fix).
 */
public final class Completion {
    private final Map<String, Object> value;
    private final String failure;

    private Completion(Map<String, Object> value, String failure) {
        this.value = value;
        this.failure = failure;
    }

    static Completion returning(Map<String, Object> value) {
        return new Completion(Objects.requireNonNull(value, "value"), null);
    }

    static Completion failing(String message) {
        return new Completion(null, Objects.requireNonNull(message, "message"));
    }

    public boolean failed() {
        return failure != null;
    }

    /** The script's value; null when the step failed. */
    public Map<String, Object> value() {
        return value;
    }

    /** Why the step failed; null when it did not. */
    public String failure() {
        return failure;
    }
}
