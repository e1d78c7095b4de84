package io.mlgates.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How the policy file is opened: only a regular file, never through a link that leads out, never echoed. */
class PolicyFileOpeningTest {
    private static final String SECRET = "root:x:0:0:SECRET-LINE:/root:/bin/bash\n";

    @TempDir
    Path dir;

    private Path repo() throws Exception {
        return Files.createDirectories(dir.resolve("repo"));
    }

    private static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assumeTrue(p.waitFor() == 0, "mkfifo is not available");
    }

    @Test
    @DisplayName("a mlgates.yaml linked to a file outside the repository (/etc/passwd, say) is refused, its content"
            + " not echoed")
    void linkOutIsRefusedWithoutEcho() throws Exception {
        Path repo = repo();
        Path passwd = Files.writeString(dir.resolve("passwd"), SECRET);
        Files.createSymbolicLink(repo.resolve("mlgates.yaml"), passwd);
        assertThatThrownBy(() -> new PolicyLoader().loadFromRepository(repo))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("mlgates.yaml")
                .hasMessageContaining("symbolic link that leads outside the model repository")
                .hasMessageNotContaining("SECRET").hasMessageNotContaining("root:x")
                .hasMessageNotContaining(passwd.toString());
        // the same through --policy: the repository is the policy file's folder
        assertThatThrownBy(() -> new PolicyLoader().load(repo.resolve("mlgates.yaml"), "mlgates.yaml", "m"))
                .isInstanceOf(PolicyException.class).hasMessageNotContaining("SECRET")
                .hasMessageContaining("leads outside");
    }

    @Test
    @DisplayName("a link to the real /etc/passwd is refused the same way")
    void etcPasswd() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("/etc/passwd")));
        Path repo = repo();
        Files.createSymbolicLink(repo.resolve("mlgates.yaml"), Path.of("/etc/passwd"));
        assertThatThrownBy(() -> new PolicyLoader().loadFromRepository(repo))
                .isInstanceOf(PolicyException.class).hasMessageNotContaining("root:")
                .hasMessageContaining("leads outside");
    }

    @Test
    @DisplayName("a link that stays inside the repository is followed")
    void linkInsideIsRead() throws Exception {
        Path repo = repo();
        Files.createDirectories(repo.resolve("config"));
        Files.writeString(repo.resolve("config/policy.yaml"), "model:\n  name: linked\n");
        Files.createSymbolicLink(repo.resolve("mlgates.yaml"), Path.of("config/policy.yaml"));
        assertThat(new PolicyLoader().loadFromRepository(repo).policy().modelName()).isEqualTo("linked");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("a FIFO as the policy, or as the organisation policy, is refused at once: nothing waits for a writer")
    void fifoIsRefused() throws Exception {
        Path repo = repo();
        mkfifo(repo.resolve("mlgates.yaml"));
        assertThatThrownBy(() -> new PolicyLoader().loadFromRepository(repo))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("not a regular file (a FIFO, device or socket)");
        Path org = dir.resolve("org.yaml");
        mkfifo(org);
        assertThatThrownBy(() -> new PolicyLoader().loadOrganisation(org, "org.yaml"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("org.yaml")
                .hasMessageContaining("not a regular file");
    }

    @Test
    @DisplayName("a device is refused as well")
    void deviceIsRefused() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path repo = repo();
        Files.createSymbolicLink(repo.resolve("mlgates.yaml"), Path.of("/dev/zero"));
        assertThatThrownBy(() -> new PolicyLoader().load(repo.resolve("mlgates.yaml"), "mlgates.yaml", "m"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("leads outside");
        assertThatThrownBy(() -> new PolicyLoader().loadOrganisation(Path.of("/dev/zero"), "/dev/zero"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("not a regular file");
    }
}
