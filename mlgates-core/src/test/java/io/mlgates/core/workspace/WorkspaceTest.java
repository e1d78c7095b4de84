package io.mlgates.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a relative path resolves inside the repository and is shown relative to it")
    void resolvesInside() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Workspace ws = Workspace.at(repo);
        Path p = ws.resolve("eval/./p.csv", "test");
        assertThat(p).isEqualTo(repo.toAbsolutePath().resolve("eval/p.csv"));
        assertThat(ws.display(p)).isEqualTo("eval/p.csv");
        assertThat(ws.name()).isEqualTo("repo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.csv", "eval/../../secret.csv"})
    @DisplayName("a path that climbs out of the repository is refused")
    void refusesEscape(String path) throws Exception {
        Workspace ws = Workspace.at(Files.createDirectories(dir.resolve("repo")));
        assertThatThrownBy(() -> ws.resolve(path, "mlgates.yaml")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("leads outside the model repository");
    }

    @Test
    @DisplayName("an absolute path is refused")
    void refusesAbsolute() throws Exception {
        Workspace ws = Workspace.at(Files.createDirectories(dir.resolve("repo")));
        assertThatThrownBy(() -> ws.resolve(dir.resolve("x").toAbsolutePath().toString(), "mlgates.yaml"))
                .hasMessageContaining("is absolute");
    }

    @Test
    @DisplayName("a symbolic link that leads out of the repository is refused")
    void refusesLinkOut() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path secret = Files.writeString(dir.resolve("secret.csv"), "x");
        Files.createSymbolicLink(repo.resolve("p.csv"), secret);
        assertThatThrownBy(() -> Workspace.at(repo).resolve("p.csv", "mlgates.yaml"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("symbolic link");
    }
}
