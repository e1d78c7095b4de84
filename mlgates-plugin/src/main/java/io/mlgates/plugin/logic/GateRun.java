package io.mlgates.plugin.logic;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the agent sends back after running a gate: either a verdict (its JSON, bounded, with what the agent says of the
 * full result it shortened) or the reason there is none. Every part is the agent's claim: the controller reads the
 * JSON itself, checks the claims against it and bounds every string before keeping anything ({@link GateCall}).
 * Only plain values travel, which Jenkins' class filter admits.
 */
public final class GateRun implements Serializable {
    private static final long serialVersionUID = 3L;

    private final String json;
    private final int omittedChecks;
    private final LinkedHashMap<String, Long> counts;
    private final ArrayList<String> files;
    private final String badInput;
    /** The policy file's text as the gate read it; null for the defaults (no file) or an agent that sent none. */
    private final String policyText;

    private GateRun(String json, int omittedChecks, Map<String, Long> counts, List<String> files, String badInput) {
        this(json, omittedChecks, counts, files, badInput, null);
    }

    private GateRun(String json, int omittedChecks, Map<String, Long> counts, List<String> files, String badInput,
                    String policyText) {
        this.policyText = policyText;
        this.json = json;
        this.omittedChecks = omittedChecks;
        this.counts = new LinkedHashMap<>(counts);
        this.files = new ArrayList<>(files);
        this.badInput = badInput;
    }

    /**
     * @param json the result's JSON, shortened to its bound
     * @param omittedChecks checks the shortening left out
     * @param counts checks per status in the full result
     * @param files result files written to the workspace, relative to the working directory
     */
    public static GateRun verdict(String json, int omittedChecks, Map<String, Long> counts, List<String> files) {
        return new GateRun(Objects.requireNonNull(json, "json"), omittedChecks, counts, files, null);
    }

    /** No verdict: the input could not be judged; the message names the file and line. */
    public static GateRun badInput(String message) {
        return new GateRun(null, 0, Map.of(), List.of(), Objects.requireNonNull(message, "message"));
    }

    /**
     * The same reply carrying the policy file's text, which the controller keeps with the build (once its digest
     * matches the result's) so that {@code mlPromote}, running outside any node, reads the rules the gate judged by.
     */
    public GateRun withPolicy(String text) {
        return new GateRun(json, omittedChecks, counts, files, badInput, Objects.requireNonNull(text, "text"));
    }

    /** The policy file's text, or null: the defaults judged, or the agent sent none. */
    public String policyText() {
        return policyText;
    }

    public boolean hasVerdict() {
        return json != null;
    }

    public String json() {
        return json;
    }

    public int omittedChecks() {
        return omittedChecks;
    }

    public Map<String, Long> counts() {
        return counts;
    }

    public List<String> files() {
        return files;
    }

    public String badInput() {
        return badInput;
    }
}
