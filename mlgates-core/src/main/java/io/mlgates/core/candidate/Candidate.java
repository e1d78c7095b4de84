package io.mlgates.core.candidate;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A model candidate, identified by the digest of its artefact files: a rebuilt model is a new candidate.
 *
 * @param digest {@code sha256:} and 64 lower-case hex digits, see {@link CandidateDigest}
 * @param artifacts the artefact path as named in the policy
 * @param fileCount number of files digested
 * @param totalBytes their total size
 */
public record Candidate(String digest, String artifacts, long fileCount, long totalBytes) {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    public Candidate {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(artifacts, "artifacts");
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("digest must be sha256:<64 hex digits>: " + digest);
        }
        if (fileCount < 1 || totalBytes < 0) {
            throw new IllegalArgumentException("a candidate has at least one file and a non-negative size");
        }
    }
}
