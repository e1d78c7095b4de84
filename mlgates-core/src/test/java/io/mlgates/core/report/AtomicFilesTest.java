package io.mlgates.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a write that fails half-way names the file, leaves the old file whole and no temporary file behind")
    void failedWriteLeavesNothingHalfWritten() throws Exception {
        Path target = dir.resolve("validate.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("cannot write " + target + ": disk full");
        assertThat(target).hasContent("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    @DisplayName("a writer that closes the stream it was given (as Jackson does) still gets its file written")
    void writerThatCloses() throws Exception {
        Path target = dir.resolve("closed.json");
        AtomicFiles.write(target, out -> {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        assertThat(target).hasContent("{}");
    }

    @Test
    @DisplayName("a successful write replaces the file and creates missing folders")
    void replaces() throws Exception {
        Path target = dir.resolve("a/b/validate.json");
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(target).hasContent("new");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX permissions")
    @DisplayName("a written file gets the permissions the umask gives, as a file created the ordinary way, not 0600 -"
            + " a new file and one that replaces another")
    void permissionsAreTheUmasks() throws Exception {
        Path reference = dir.resolve("reference");
        Files.newOutputStream(reference).close();
        Set<PosixFilePermission> umasks = Files.getPosixFilePermissions(reference);
        Path existing = dir.resolve("existing.json");
        Files.writeString(existing, "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-------"));

        AtomicFiles.write(dir.resolve("new.json"), out -> out.write('1'));
        AtomicFiles.write(existing, out -> out.write('2'));

        assertThat(Files.getPosixFilePermissions(dir.resolve("new.json"))).isEqualTo(umasks);
        assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(umasks);
    }
}
