package io.mlgates.plugin.logic;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the agent sends back after running a gate: either a verdict (its summary and its JSON, bounded) or the
 * reason there is none. Only plain values and the plugin's own classes travel, which Jenkins' class filter admits.
 */
public final class GateRun implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ResultSummary summary;
    private final String json;
    private final String badInput;

    private GateRun(ResultSummary summary, String json, String badInput) {
        this.summary = summary;
        this.json = json;
        this.badInput = badInput;
    }

    public static GateRun verdict(ResultSummary summary, String json) {
        return new GateRun(Objects.requireNonNull(summary, "summary"), Objects.requireNonNull(json, "json"), null);
    }

    /** No verdict: the input could not be judged; the message names the file and line. */
    public static GateRun badInput(String message) {
        return new GateRun(null, null, Objects.requireNonNull(message, "message"));
    }

    public boolean hasVerdict() {
        return summary != null;
    }

    public ResultSummary summary() {
        return summary;
    }

    public String json() {
        return json;
    }

    public String badInput() {
        return badInput;
    }
}
