package io.mlgates.core.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateDigestTest {
    @TempDir
    Path repo;

    @Test
    @DisplayName("the digest follows the published recipe: sorted paths, a zero byte, 8-byte length, content")
    void matchesTheRecipe() throws Exception {
        Files.createDirectories(repo.resolve("model/sub"));
        Files.writeString(repo.resolve("model/b.bin"), "bb");
        Files.writeString(repo.resolve("model/sub/a.txt"), "a");
        Files.writeString(repo.resolve("model/A.json"), "{}");

        Candidate c = CandidateDigest.of(Workspace.at(repo), "model", "test");

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String[] f : new String[][] {{"A.json", "{}"}, {"b.bin", "bb"}, {"sub/a.txt", "a"}}) {
            expected.write(f[0].getBytes(StandardCharsets.UTF_8));
            expected.write(0);
            expected.write(ByteBuffer.allocate(8).putLong(f[1].length()).array());
            expected.write(f[1].getBytes(StandardCharsets.UTF_8));
        }
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected.toByteArray()));
        assertThat(c.digest()).isEqualTo("sha256:" + hex);
        assertThat(c.fileCount()).isEqualTo(3);
        assertThat(c.totalBytes()).isEqualTo(5);
    }

    @Test
    @DisplayName("with its files, the candidate is the same and each file carries the SHA-256 of its own bytes")
    void withFiles() throws Exception {
        Files.createDirectories(repo.resolve("model/sub"));
        Files.writeString(repo.resolve("model/b.bin"), "bb");
        Files.writeString(repo.resolve("model/sub/a.txt"), "a");

        Artefacts a = CandidateDigest.withFiles(Workspace.at(repo), "model", "test");

        assertThat(a.candidate()).isEqualTo(CandidateDigest.of(Workspace.at(repo), "model", "test"));
        assertThat(a.files()).extracting(ArtefactFile::path).containsExactly("b.bin", "sub/a.txt");
        assertThat(a.files().get(0).digest()).isEqualTo("sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("bb".getBytes(StandardCharsets.UTF_8))));
        assertThat(a.files().get(1).bytes()).isEqualTo(1);
    }

    @Test
    @DisplayName("the same files give the same digest wherever they lie; one changed byte gives another")
    void stableAndSensitive() throws Exception {
        Path other = Files.createDirectories(repo.resolve("elsewhere/deeper"));
        for (Path root : new Path[] {repo, other}) {
            Files.createDirectories(root.resolve("model"));
            Files.writeString(root.resolve("model/w.bin"), "weights");
        }
        String first = CandidateDigest.of(Workspace.at(repo), "model", "t").digest();
        assertThat(CandidateDigest.of(Workspace.at(other), "model", "t").digest()).isEqualTo(first);
        Files.writeString(other.resolve("model/w.bin"), "weightz");
        assertThat(CandidateDigest.of(Workspace.at(other), "model", "t").digest()).isNotEqualTo(first);
    }

    @Test
    @DisplayName("renaming a file changes the digest: paths are part of the identity")
    void pathsCount() throws Exception {
        Files.createDirectories(repo.resolve("model"));
        Files.writeString(repo.resolve("model/a.bin"), "x");
        String before = CandidateDigest.of(Workspace.at(repo), "model", "t").digest();
        Files.move(repo.resolve("model/a.bin"), repo.resolve("model/b.bin"));
        assertThat(CandidateDigest.of(Workspace.at(repo), "model", "t").digest()).isNotEqualTo(before);
    }

    @Test
    @DisplayName("a single artefact file is digested under its name")
    void singleFile() throws Exception {
        Files.writeString(repo.resolve("model.onnx"), "onnx");
        Candidate c = CandidateDigest.of(Workspace.at(repo), "model.onnx", "t");
        assertThat(c.fileCount()).isEqualTo(1);
        assertThat(c.artifacts()).isEqualTo("model.onnx");
    }

    @Test
    @DisplayName("missing, empty and linked artefacts are refused with the path named")
    void refusals() throws Exception {
        Workspace ws = Workspace.at(repo);
        assertThatThrownBy(() -> CandidateDigest.of(ws, "model", "mlgates.yaml (model.artifacts)"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("mlgates.yaml (model.artifacts): model artefacts 'model' not found");
        Files.createDirectories(repo.resolve("model"));
        assertThatThrownBy(() -> CandidateDigest.of(ws, "model", "t")).hasMessage(
                "model: the model artefact folder holds no file");
        Files.writeString(repo.resolve("real.bin"), "x");
        Files.createSymbolicLink(repo.resolve("model/link.bin"), repo.resolve("real.bin"));
        assertThatThrownBy(() -> CandidateDigest.of(ws, "model", "t")).hasMessageContaining("symbolic link");
    }

    @Test
    @DisplayName("two artefact names equal after NFC normalisation (é composed and decomposed) are refused, both named")
    void nfcDuplicates() throws Exception {
        Files.createDirectories(repo.resolve("model"));
        String composed = "caf\u00e9.bin";
        String decomposed = "cafe\u0301.bin";
        Files.writeString(repo.resolve("model").resolve(composed), "one");
        Files.writeString(repo.resolve("model").resolve(decomposed), "two");
        assertThatThrownBy(() -> CandidateDigest.of(Workspace.at(repo), "model", "t"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("equal after Unicode NFC normalisation")
                .hasMessageContaining("'" + composed + "' (U+00E9)")
                .hasMessageContaining("'" + decomposed + "' (U+0301)");
    }
}
