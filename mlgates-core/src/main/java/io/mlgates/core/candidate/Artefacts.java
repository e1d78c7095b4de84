package io.mlgates.core.candidate;

import java.util.List;
import java.util.Objects;

/**
 * A candidate and the files its digest was taken over, in the digest's order.
 *
 * @param candidate the candidate
 * @param files each artefact file with its own digest
 */
public record Artefacts(Candidate candidate, List<ArtefactFile> files) {
    public Artefacts {
        Objects.requireNonNull(candidate, "candidate");
        files = List.copyOf(files);
    }
}
