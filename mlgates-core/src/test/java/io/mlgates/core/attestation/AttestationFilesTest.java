package io.mlgates.core.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttestationFilesTest {
    @Test
    void envelopesRoundTripOneALine(@TempDir Path dir) throws Exception {
        SigningKey key = Fixtures.signer();
        List<Envelope> envelopes = List.of(key.sign("text/plain", "a".getBytes(StandardCharsets.UTF_8)),
                key.sign("text/plain", "b\nc".getBytes(StandardCharsets.UTF_8)));
        Path file = dir.resolve(AttestationFiles.ofGate("validate"));
        AttestationFiles.write(file, envelopes);
        assertThat(file.getFileName().toString()).isEqualTo("validate.intoto.jsonl");
        assertThat(Files.readString(file)).hasLineCount(2).endsWith("\n");
        assertThat(AttestationFiles.read(file, "validate.intoto.jsonl")).isEqualTo(envelopes);
    }

    @Test
    void aBadLineIsNamedByFileAndLine(@TempDir Path dir) throws Exception {
        String good = Fixtures.signer().sign("text/plain", new byte[] {1}).toJson();
        Path file = Files.writeString(dir.resolve("x.intoto.jsonl"), good + "\n\n{\"payload\": 3}\n");
        assertThatThrownBy(() -> AttestationFiles.read(file, "x.intoto.jsonl")).isInstanceOf(BadInputException.class)
                .hasMessage("x.intoto.jsonl:3: the envelope's payloadType is missing; expected a string");
        Path empty = Files.writeString(dir.resolve("e.intoto.jsonl"), "\n");
        assertThatThrownBy(() -> AttestationFiles.read(empty, "e.intoto.jsonl"))
                .hasMessageContaining("holds no envelope");
        Path notJson = Files.writeString(dir.resolve("n.intoto.jsonl"), "{oops\n");
        assertThatThrownBy(() -> AttestationFiles.read(notJson, "n.intoto.jsonl"))
                .hasMessageStartingWith("n.intoto.jsonl:1: not JSON at column ");
        assertThatThrownBy(() -> AttestationFiles.read(dir.resolve("missing"), "missing"))
                .hasMessage("missing: no such attestation file");
    }

    @Test
    void linesTellEachLineAnEnvelopeOrWhyNot(@TempDir Path dir) throws Exception {
        Envelope good = Fixtures.signer().sign("text/plain", new byte[] {1});
        Path file = Files.writeString(dir.resolve("x.intoto.jsonl"), "{oops\n\n" + good.toJson() + "\n");
        List<AttestationFiles.Line> lines = AttestationFiles.lines(file, "x.intoto.jsonl");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isInstanceOfSatisfying(AttestationFiles.Unreadable.class, u -> {
            assertThat(u.number()).isEqualTo(1);
            assertThat(u.problem()).hasMessageStartingWith("x.intoto.jsonl:1: not JSON at column ");
        });
        assertThat(lines.get(1)).isEqualTo(new AttestationFiles.Parsed(3, good));
    }
}
