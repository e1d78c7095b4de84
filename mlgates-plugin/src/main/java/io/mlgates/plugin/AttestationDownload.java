package io.mlgates.plugin;

import io.mlgates.plugin.logic.attest.Attestations;
import io.mlgates.plugin.logic.attest.KeptAttestation;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Serves an attestation kept with a build as the file a verifier takes ({@code <id>.intoto.jsonl}): only while it
 * still has the digest build.xml recorded when the controller signed and kept it; never a path of the controller.
 */
final class AttestationDownload {
    private AttestationDownload() {
    }

    /**
     * @param kept what build.xml keeps of it, or null when nothing was signed
     * @param file where the build keeps it
     * @param what how messages name its subject: "the result validate"
     */
    static void serve(StaplerResponse2 response, KeptAttestation kept, Path file, String what) throws IOException {
        if (kept == null) {
            response.sendError(404, Messages.get("Attestation.unsigned", what));
            return;
        }
        byte[] bytes;
        try {
            bytes = Attestations.read(file, kept);
        } catch (NoSuchFileException e) {
            response.sendError(404, Messages.get("Attestation.missing", what));
            return;
        } catch (Attestations.ChangedAttestation e) {
            response.sendError(409, e.getMessage());
            return;
        }
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
