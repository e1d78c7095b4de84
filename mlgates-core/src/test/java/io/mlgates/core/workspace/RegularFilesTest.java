package io.mlgates.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlgates.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RegularFilesTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("a FIFO is refused before it is opened, so nothing waits for a writer; a folder is refused too")
    void fifoAndFolder() throws Exception {
        Path fifo = dir.resolve("predictions.csv");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        assertThatThrownBy(() -> RegularFiles.requireRegular(fifo, "eval/predictions.csv"))
                .isInstanceOf(BadInputException.class).hasMessage("eval/predictions.csv: is not a regular file"
                        + " (a FIFO, device or socket); only regular files are read");
        assertThatThrownBy(() -> RegularFiles.checked(fifo, Optional.empty()))
                .isInstanceOf(RegularFiles.Refused.class);
        assertThat(RegularFiles.notRegular(dir)).contains("is a directory, not a file");
    }

    @Test
    @DisplayName("a regular file passes, and a missing one is left to the opener's own message")
    void regularAndMissing() throws Exception {
        Path file = Files.writeString(dir.resolve("a.csv"), "label,score\n");
        assertThat(RegularFiles.notRegular(file)).isEmpty();
        assertThat(RegularFiles.notRegular(dir.resolve("missing.csv"))).isEmpty();
        assertThat(RegularFiles.checked(file, Optional.of(dir))).isEqualTo(file);
    }
}
