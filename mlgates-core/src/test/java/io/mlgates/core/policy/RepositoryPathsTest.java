package io.mlgates.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"model", "eval/predictions.csv", "./model", "a/../b", "a/b/../../c", ".", "model/",
        "a\\b", "~/model", "dir with spaces/x.csv"})
    void pathsInsideTheRepositoryAreAccepted(String path) {
        assertThat(RepositoryPaths.problem(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../model", "a/../../b", "./../x", "..\\x", "a\\..\\..\\b", "a/./../../b"})
    void pathsClimbingOutAreRejected(String path) {
        assertThat(RepositoryPaths.problem(path)).hasValueSatisfying(p -> assertThat(p).contains("leads out"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "/", "C:\\model", "c:/model", "C:model", "\\\\server\\share", "\\model"})
    void absolutePathsAreRejected(String path) {
        assertThat(RepositoryPaths.problem(path)).hasValueSatisfying(p -> assertThat(p).contains("absolute path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"model\u0000.bin"})
    void aNulCharacterIsRejected(String path) {
        assertThat(RepositoryPaths.problem(path)).contains("contains a NUL character");
    }
}
