package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.plugin.logic.attest.Attestations;
import io.mlgates.plugin.logic.attest.KeptAttestation;
import io.mlgates.plugin.logic.attest.SignedEnvelope;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code …/attestation}: the kept envelope as a file for a verifier, only while it is the one signed and kept; and a
 * result without one answers that it is not signed, never an empty file.
 */
class AttestationDownloadTest {
    private static final String ENVELOPE = "{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"e30=\","
            + "\"signatures\":[{\"keyid\":\"SHA256:abc\",\"sig\":\"AAAA\"}]}";

    @TempDir
    Path build;

    /** What a response was told: status and message of an error, headers, body. */
    static final class Answer {
        int status = 200;
        String message;
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        StaplerResponse2 response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (StaplerResponse2) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {StaplerResponse2.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "sendError" -> {
                                status = (Integer) args[0];
                                message = (String) args[1];
                            }
                            case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setContentLength" -> headers.put("Content-Length", String.valueOf(args[0]));
                            case "getOutputStream" -> {
                                return out;
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
        }
    }

    @Test
    void theKeptEnvelopeIsServedAsTheFileAVerifierTakes() throws Exception {
        Path file = Attestations.ofResult(build, "validate");
        KeptAttestation kept = Attestations.write(file, new SignedEnvelope(ENVELOPE, "SHA256:abc"));
        Answer answer = new Answer();

        AttestationDownload.serve(answer.response(), kept, file, "the result validate");

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.body.toString(StandardCharsets.UTF_8)).isEqualTo(ENVELOPE + "\n");
        assertThat(answer.headers).containsEntry("Content-Type", "application/json;charset=UTF-8")
                .containsEntry("Content-Disposition", "attachment; filename=\"validate.intoto.jsonl\"")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Content-Length", String.valueOf(ENVELOPE.length() + 1));
    }

    @Test
    void anUnsignedResultAnswersThatItIsNotSigned() throws Exception {
        Answer answer = new Answer();

        AttestationDownload.serve(answer.response(), null, Attestations.ofResult(build, "validate"),
                "the result validate");

        assertThat(answer.status).isEqualTo(404);
        assertThat(answer.message).isEqualTo("the result validate is not signed: no signing key was set in Manage"
                + " Jenkins when it was kept");
        assertThat(answer.body.size()).isZero();
    }

    @Test
    void aChangedOrMissingFileIsNotServedAsTheOneSigned() throws Exception {
        Path file = Attestations.ofPromotion(build, "production");
        KeptAttestation kept = Attestations.write(file, new SignedEnvelope(ENVELOPE, "SHA256:abc"));
        Files.writeString(file, ENVELOPE.replace("AAAA", "BBBB") + "\n");
        Answer changed = new Answer();

        AttestationDownload.serve(changed.response(), kept, file, "the promotion production");

        assertThat(changed.status).isEqualTo(409);
        assertThat(changed.message).startsWith("production.vsa.intoto.jsonl has the digest sha256:")
                .doesNotContain(build.toString());
        assertThat(changed.body.size()).isZero();

        Files.delete(file);
        Answer missing = new Answer();
        AttestationDownload.serve(missing.response(), kept, file, "the promotion production");
        assertThat(missing.status).isEqualTo(404);
        assertThat(missing.message).isEqualTo("the attestation of the promotion production is no longer kept with the"
                + " build");
    }
}
