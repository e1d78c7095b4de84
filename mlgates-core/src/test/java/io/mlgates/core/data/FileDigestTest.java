package io.mlgates.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.policy.PolicyLoader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("the digest of a file over several buffers is the SHA-256 every file a result names gets")
    void digestsTheWholeFile() throws Exception {
        byte[] bytes = new byte[3 * CsvRows.BUFFER + 17];
        Arrays.fill(bytes, (byte) 'x');
        Path file = Files.write(dir.resolve("p.csv"), bytes);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThat(FileDigest.of(channel)).isEqualTo(PolicyLoader.digest(bytes));
        }
    }

    @Test
    @DisplayName("a digest no one waits for any more stops at the next buffer instead of reading the rest")
    void abandonedDigestStops() throws Exception {
        Path file = Files.write(dir.resolve("p.csv"), new byte[10 * CsvRows.BUFFER]);
        AtomicInteger asked = new AtomicInteger();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThatThrownBy(() -> FileDigest.of(channel, () -> asked.incrementAndGet() > 2))
                    .isInstanceOf(CancellationException.class);
        }
        assertThat(asked).hasValue(3);
    }
}
