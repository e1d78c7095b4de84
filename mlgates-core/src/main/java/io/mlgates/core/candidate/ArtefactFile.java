package io.mlgates.core.candidate;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a candidate's artefacts.
 *
 * @param path its path relative to the artefacts (forward slashes, Unicode NFC), as the candidate's digest takes it
 * @param digest {@code sha256:} and the 64 lower-case hex digits of the file's bytes
 * @param bytes its size
 */
public record ArtefactFile(String path, String digest, long bytes) {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    public ArtefactFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(digest, "digest");
        if (path.isEmpty() || !DIGEST.matcher(digest).matches() || bytes < 0) {
            throw new IllegalArgumentException("an artefact file has a path, a sha256 digest and a size: " + path);
        }
    }

    /** The digest's hex digits alone, as formats that name the algorithm elsewhere want it. */
    public String hex() {
        return digest.substring("sha256:".length());
    }
}
