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

    @Test
    @DisplayName("a path about to be created is checked through its nearest existing parent: a linked .mlgates/ is refused")
    void refusesPathToBeCreatedThroughALinkOut() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(repo.resolve(".mlgates"), elsewhere);
        Workspace ws = Workspace.at(repo);
        assertThatThrownBy(() -> ws.resolve(".mlgates/results", "the results folder"))
                .isInstanceOf(BadInputException.class).hasMessage("the results folder: '.mlgates/results' leads"
                        + " outside the model repository through a symbolic link (.mlgates); expected a path inside it");
        assertThatThrownBy(() -> ws.checkOutput(repo.resolve(".mlgates/registry.db"), "--registry"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("outside the model repository");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    @DisplayName("a link that leads nowhere is refused; a link that stays inside is followed")
    void linksInsideAndToNothing() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("build/out"));
        Files.createSymbolicLink(repo.resolve(".mlgates"), repo.resolve("build/out"));
        Workspace ws = Workspace.at(repo);
        assertThat(ws.resolve(".mlgates/results", "x")).isEqualTo(repo.toAbsolutePath().resolve(".mlgates/results"));
        Files.createSymbolicLink(repo.resolve("gone"), dir.resolve("missing"));
        assertThatThrownBy(() -> ws.resolve("gone/results", "x")).hasMessageContaining("symbolic link to nothing");
    }

    @Test
    @DisplayName("an output path typed outside the repository is the user's choice; inside, it is confined")
    void outputsTypedOnTheCommandLine() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Workspace ws = Workspace.at(repo);
        Path outside = dir.resolve("site");
        assertThat(ws.checkOutput(outside, "--out")).isEqualTo(outside);
        assertThat(ws.checkOutput(repo.resolve("results"), "--out")).isEqualTo(repo.resolve("results"));
        for (Path holdsIt : new Path[] {repo, dir, repo.resolve("sub/..")}) {
            assertThatThrownBy(() -> ws.checkOutput(holdsIt, "--out")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("is the model repository or holds it");
        }
    }
}
