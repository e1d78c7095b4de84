package io.mlgates.core.board;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The newest candidate a model's gates judged, with the result of each gate for it.
 *
 * @param digest the candidate's digest
 * @param label where it was judged, as shown to people: {@code build #42}, a results folder
 * @param link a link to that place (a build page, relative to the Jenkins root), when there is one
 * @param results each gate result for this digest, newest last; a gate judged twice (two ids) appears twice
 */
public record LatestCandidate(String digest, String label, Optional<String> link, List<GateResultRef> results) {
    public LatestCandidate {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(link, "link");
        results = List.copyOf(results);
        if (digest.isBlank()) {
            throw new IllegalArgumentException("a candidate has a digest");
        }
    }
}
