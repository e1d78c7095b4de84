package io.mlgates.plugin.logic.attest;

import io.mlgates.core.attestation.AttestationFiles;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.AtomicFiles;
import io.mlgates.plugin.logic.StoredResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a build keeps the attestations its controller signed, beside its results in {@code mlgates/}: a gate
 * result's in-toto Statement as {@code <id>.intoto.jsonl}, a promotion's Verification Summary as
 * {@code <id>.vsa.intoto.jsonl}; each one DSSE envelope on one line, as the in-toto bundle format (JSON Lines) has it.
 * File names come from ids the controller reserved ({@link io.mlgates.plugin.logic.ResultIds}), never from an agent.
 */
public final class Attestations {
    private Attestations() {
    }

    /** A gate result's attestation: {@code mlgates/<id>.intoto.jsonl}. */
    public static Path ofResult(Path buildDir, String id) {
        return StoredResults.file(buildDir, id).resolveSibling(id + AttestationFiles.SUFFIX);
    }

    /** A promotion's Verification Summary Attestation: {@code mlgates/<id>.vsa.intoto.jsonl}. */
    public static Path ofPromotion(Path buildDir, String id) {
        return StoredResults.file(buildDir, id).resolveSibling(id + ".vsa" + AttestationFiles.SUFFIX);
    }

    /** Writes the envelope as one line, whole or not at all, and returns what build.xml keeps of it. */
    public static KeptAttestation write(Path file, SignedEnvelope envelope) throws IOException {
        byte[] bytes = (envelope.json() + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
        return new KeptAttestation(envelope.keyId(), PolicyLoader.digest(bytes));
    }

    /**
     * The file's bytes, when they still have the digest recorded when it was written.
     *
     * @throws ChangedAttestation when they do not: the file is not the one the controller signed and kept
     */
    public static byte[] read(Path file, KeptAttestation kept) throws IOException, ChangedAttestation {
        byte[] bytes = Files.readAllBytes(file);
        String digest = PolicyLoader.digest(bytes);
        if (!digest.equals(kept.getDigest())) {
            throw new ChangedAttestation(file.getFileName() + " has the digest " + digest + ", not the "
                    + kept.getDigest() + " it had when it was signed and kept");
        }
        return bytes;
    }

    /** The stored file is not the one that was signed and kept. */
    public static final class ChangedAttestation extends Exception {
        private static final long serialVersionUID = 1L;

        ChangedAttestation(String message) {
            super(message);
        }
    }
}
