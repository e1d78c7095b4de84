package io.mlgates.core.candidate;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A model candidate, identified by the digest of its artefact files: a rebuilt model is a new candidate. Without
 * artefacts (predictions straight from a notebook) the candidate is the prediction file itself, judged but never
 * promoted: nothing would tie a deployed model to the verdict.
 *
 * @param digest {@code sha256:} and 64 lower-case hex digits, see {@link CandidateDigest}
 * @param kind what the digest was taken over
 * @param artifacts the artefact path as named in the policy, or the prediction file for {@link Kind#PREDICTIONS}
 * @param fileCount number of files digested
 * @param totalBytes their total size
 */
public record Candidate(String digest, Kind kind, String artifacts, long fileCount, long totalBytes) {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    /** What a candidate's digest identifies. */
    public enum Kind {
        /** The model's artefact files ({@code model/}). */
        MODEL,
        /** The prediction file alone: there were no model artefacts. */
        PREDICTIONS;

        /** The name results use: {@code model}, {@code predictions}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind of {@link #id()}; an unknown name is refused. */
        public static Kind of(String id) {
            for (Kind kind : values()) {
                if (kind.id().equals(id)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("a candidate's kind is model or predictions, not '" + id + "'");
        }
    }

    public Candidate {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(artifacts, "artifacts");
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("digest must be sha256:<64 hex digits>: " + digest);
        }
        if (fileCount < 1 || totalBytes < 0) {
            throw new IllegalArgumentException("a candidate has at least one file and a non-negative size");
        }
        if (kind == Kind.PREDICTIONS && fileCount != 1) {
            throw new IllegalArgumentException("a predictions candidate is one file");
        }
    }

    /** A candidate identified by its model artefacts. */
    public Candidate(String digest, String artifacts, long fileCount, long totalBytes) {
        this(digest, Kind.MODEL, artifacts, fileCount, totalBytes);
    }

    /** A candidate without model artefacts, identified by the digest of its prediction file. */
    public static Candidate ofPredictions(String digest, String predictionsFile, long bytes) {
        return new Candidate(digest, Kind.PREDICTIONS, predictionsFile, 1, bytes);
    }

    /** How consoles and reports name it: its files, or its prediction file when it has no artefacts. */
    public String describe() {
        return kind == Kind.PREDICTIONS ? "no model artefacts: the digest of the prediction file, " + totalBytes
                + " bytes" : fileCount + (fileCount == 1 ? " file, " : " files, ") + totalBytes + " bytes";
    }
}
