package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.candidate.CandidateDigest;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Optional;

/** What both gates judge, found the same way: the candidate, and the prediction file. */
final class JudgedFiles {
    private JudgedFiles() {
    }

    /**
     * The candidate of the model artefacts; empty when the policy names none of its own and the conventional
     * {@code model/} folder is missing (predictions straight from a notebook), so that the prediction file is judged.
     */
    static Optional<Candidate> artefacts(Workspace ws, LoadedPolicy loaded) throws BadInputException {
        Policy policy = loaded.policy();
        return CandidateDigest.ofArtefacts(ws, policy.artifacts(), policy.artifacts().equals(Policy.DEFAULT_ARTIFACTS),
                loaded.fileName().map(f -> f + " (model.artifacts)").orElse("model artefacts"));
    }

    /** The candidate judged: the artefacts', or without them the prediction file, by the digest of its bytes. */
    static Candidate candidate(Optional<Candidate> artefacts, String predictions, String digest, long bytes) {
        return artefacts.orElseGet(() -> Candidate.ofPredictions(digest, predictions, bytes));
    }

    /** The prediction file: the caller's (a user's own path, or one confined to the repository), else the policy's. */
    static Path predictions(Workspace ws, Optional<RequestedFile> requested, LoadedPolicy loaded)
            throws BadInputException {
        if (requested.isPresent()) {
            return requested.get().resolve(ws, "--predictions");
        }
        return ws.resolve(loaded.policy().predictions().path(), loaded.fileName().orElse("the default policy")
                + " (predictions.path)");
    }
}
