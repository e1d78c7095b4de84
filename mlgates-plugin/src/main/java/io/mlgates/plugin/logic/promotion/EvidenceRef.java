package io.mlgates.plugin.logic.promotion;

import io.mlgates.plugin.logic.ResultIds;
import java.io.Serializable;
import java.util.Objects;

/**
 * A gate result a promotion relies on, by where the controller stored it: the build, the result's id in it, and the
 * digest of its JSON as stored. Only these are kept with the waiting promotion; the result is read again, and its
 * digest checked, whenever the promotion is judged.
 */
public final class EvidenceRef implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String gate;
    private final int build;
    private final String id;
    private final String resultDigest;

    public EvidenceRef(String gate, int build, String id, String resultDigest) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.build = build;
        this.id = Objects.requireNonNull(id, "id");
        this.resultDigest = Objects.requireNonNull(resultDigest, "resultDigest");
        String problem = ResultIds.problem(id);
        if (problem != null || build < 1) {
            throw new IllegalArgumentException(problem != null ? problem : "build numbers start at 1");
        }
    }

    public String gate() {
        return gate;
    }

    public int build() {
        return build;
    }

    public String id() {
        return id;
    }

    public String resultDigest() {
        return resultDigest;
    }

    /** The result's page, relative to the job's URL: {@code 42/mlgates/validate/}. */
    public String page() {
        return build + "/mlgates/" + id + "/";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvidenceRef r && r.gate.equals(gate) && r.build == build && r.id.equals(id)
                && r.resultDigest.equals(resultDigest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gate, build, id, resultDigest);
    }

    @Override
    public String toString() {
        return gate + " (#" + build + " " + id + ")";
    }
}
