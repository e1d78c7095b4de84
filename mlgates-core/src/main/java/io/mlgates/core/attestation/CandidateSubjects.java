package io.mlgates.core.attestation;

import io.mlgates.core.BadInputException;
import io.mlgates.core.candidate.ArtefactFile;
import io.mlgates.core.candidate.Artefacts;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.candidate.CandidateDigest;
import io.mlgates.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A candidate as a Statement's subjects: each artefact file under its path with its {@code sha256}, then the
 * candidate itself under its artefacts' name with its tree digest, {@link #TREE_ALGORITHM}. A candidate without
 * artefacts (its prediction file) is that one file, whose plain {@code sha256} is the candidate's digest.
 *
 * <p>The files are digested again when the subjects are made, and their tree digest must be the candidate's: an
 * attestation never names files other than those that were judged.
 */
public final class CandidateSubjects {
    /**
     * The in-toto DigestSet name of ML Gates' candidate digest: SHA-256, lower-case hex, over each regular file in
     * the order of its relative path (forward slashes, Unicode NFC, compared as UTF-8 bytes) of the path's UTF-8
     * bytes, one zero byte, the file's length as 8 bytes big-endian, and the file's bytes (docs/checks.md,
     * "Candidate identity"; docs/attestations.md).
     */
    public static final String TREE_ALGORITHM = "mlgatesTreeSha256";

    private CandidateSubjects() {
    }

    /**
     * The subjects of {@code candidate}, its files read from {@code workspace} now.
     *
     * @param namedIn where the artefacts were named, for messages ({@code mlgates.yaml (model.artifacts)})
     * @throws BadInputException if a file cannot be read, or the files are not those of the candidate any more
     */
    public static List<ResourceDescriptor> of(Workspace workspace, Candidate candidate, String namedIn)
            throws BadInputException {
        Artefacts artefacts = CandidateDigest.withFiles(workspace, candidate.artifacts(), namedIn);
        if (candidate.kind() == Candidate.Kind.PREDICTIONS) {
            ArtefactFile file = artefacts.files().get(0);
            if (artefacts.files().size() != 1 || !file.digest().equals(candidate.digest())) {
                throw changed(candidate, file.digest());
            }
            return List.of(candidate(candidate));
        }
        if (!artefacts.candidate().digest().equals(candidate.digest())) {
            throw changed(candidate, artefacts.candidate().digest());
        }
        // A folder's files are named under it (model/weights.bin); a single artefact file by its own name.
        boolean folder = Files.isDirectory(workspace.resolve(candidate.artifacts(), namedIn),
                LinkOption.NOFOLLOW_LINKS);
        String prefix = candidate.artifacts().replaceAll("/+$", "") + "/";
        List<ResourceDescriptor> subjects = new ArrayList<>();
        for (ArtefactFile file : artefacts.files()) {
            subjects.add(ResourceDescriptor.of(folder ? prefix + file.path() : candidate.artifacts(), "sha256",
                    file.hex()));
        }
        subjects.add(candidate(candidate));
        return subjects;
    }

    /**
     * The candidate itself, the last of its subjects: under its artefacts' name with its tree digest, or a prediction
     * file's plain {@code sha256}. Made from the candidate's digest alone, no file read, for a signer (Jenkins'
     * controller) that holds only the digest a stored result names.
     */
    public static ResourceDescriptor candidate(Candidate candidate) {
        String algorithm = candidate.kind() == Candidate.Kind.PREDICTIONS ? "sha256" : TREE_ALGORITHM;
        return ResourceDescriptor.of(candidate.artifacts(), algorithm, hex(candidate.digest()));
    }

    private static BadInputException changed(Candidate candidate, String now) {
        return new BadInputException(candidate.artifacts(), 0, 0, "the candidate's files changed since they were "
                + "judged: their digest is " + now + ", the result's candidate is " + candidate.digest()
                + "; run the gates again, then attest");
    }

    static String hex(String prefixedDigest) {
        return prefixedDigest.substring(prefixedDigest.indexOf(':') + 1);
    }
}
