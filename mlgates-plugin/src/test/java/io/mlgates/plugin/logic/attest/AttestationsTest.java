package io.mlgates.plugin.logic.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thoughtworks.xstream.XStream;
import io.mlgates.plugin.logic.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a build keeps its attestations, and that a file changed since it was kept is refused. */
class AttestationsTest {
    private static final String ENVELOPE = "{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"e30=\","
            + "\"signatures\":[{\"keyid\":\"SHA256:abc\",\"sig\":\"AAAA\"}]}";

    @TempDir
    Path build;

    @Test
    void attestationsLieBesideTheResultsNamedByTheControllersIds() {
        assertThat(Attestations.ofResult(build, "validate")).isEqualTo(build.resolve("mlgates/validate.intoto.jsonl"));
        assertThat(Attestations.ofPromotion(build, "production"))
                .isEqualTo(build.resolve("mlgates/production.vsa.intoto.jsonl"));
        assertThatThrownBy(() -> Attestations.ofResult(build, "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attestations.ofPromotion(build, "a.b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEnvelopeIsKeptAsOneLineWithTheDigestOfItsBytes() throws Exception {
        Path file = Attestations.ofResult(build, "validate");

        KeptAttestation kept = Attestations.write(file, new SignedEnvelope(ENVELOPE, "SHA256:abc"));

        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(ENVELOPE + "\n");
        // the digest as the JDK's SHA-256 computes it over the file, not as the code under test does
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(kept.getDigest()).isEqualTo(expected);
        assertThat(kept.getKeyId()).isEqualTo("SHA256:abc");
        assertThat(Attestations.read(file, kept)).isEqualTo(bytes);
    }

    @Test
    void aFileChangedSinceItWasKeptIsRefused() throws Exception {
        Path file = Attestations.ofResult(build, "validate");
        KeptAttestation kept = Attestations.write(file, new SignedEnvelope(ENVELOPE, "SHA256:abc"));
        Files.writeString(file, ENVELOPE.replace("e30=", "e3x9") + "\n");

        assertThatThrownBy(() -> Attestations.read(file, kept)).isInstanceOf(Attestations.ChangedAttestation.class)
                .hasMessageStartingWith("validate.intoto.jsonl has the digest sha256:")
                .hasMessageEndingWith(", not the " + kept.getDigest() + " it had when it was signed and kept");
    }

    @Test
    void anEnvelopeIsOneLineOfJson() {
        assertThatThrownBy(() -> new SignedEnvelope("{}\n{}", "k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedEnvelope(" ", "k")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatBuildXmlKeepsRoundTripsAndIsChecked() throws Exception {
        KeptAttestation kept = new KeptAttestation("SHA256:TZyX8SkafhLN2BUCbLGGh28rKH+9RNpPF4nFt6PuEv0",
                "sha256:" + "ab".repeat(32));
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.mlgates.plugin.**"});

        assertThat(xstream.fromXML(xstream.toXML(kept))).isEqualTo(kept);
        assertThat(Serialization.roundTrip(kept)).isEqualTo(kept);
        assertThatThrownBy(() -> new KeptAttestation("k", "sha256:AB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeptAttestation("", "sha256:" + "ab".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
