package io.mlgates.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.testing.FixedClock;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both gates judged from one read give what each gate's own read gives. */
class SharedReadTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "credit-risk");

    private static EthicsRequest ethics(Workspace ws, LoadedPolicy policy) {
        return new EthicsRequest(ws, policy, Optional.empty(), Optional.empty(), Map.of(), ProgressListener.NONE,
                FixedClock.CLOCK, SeenChainHead.none(policy.policy().promotion().registry(), "not read"),
                ColumnChoice.none());
    }

    private static List<String> separately(Workspace ws, LoadedPolicy policy) throws BadInputException {
        GateResultJson json = new GateResultJson();
        return List.of(json.toJson(new ValidationGate().evaluate(ValidationRequest.of(ws, policy, FixedClock.CLOCK))),
                json.toJson(new EthicsGate().evaluate(ethics(ws, policy))));
    }

    private static Path repository(Path repo, String predictions, String policy) throws IOException {
        Files.createDirectories(repo.resolve("eval"));
        Files.writeString(repo.resolve("eval/predictions.csv"), predictions);
        Files.writeString(repo.resolve("mlgates.yaml"), policy);
        return repo;
    }

    /** Both gates judged together and separately: the same results, which are returned. */
    private static List<String> sameEitherWay(Path repository) throws BadInputException {
        Workspace ws = Workspace.at(repository);
        LoadedPolicy policy = new PolicyLoader().loadFromRepository(ws.root());
        List<String> together = together(ws, policy);
        assertThat(together).isEqualTo(separately(ws, policy));
        return together;
    }

    private static List<String> together(Workspace ws, LoadedPolicy policy) throws BadInputException {
        GateResultJson json = new GateResultJson();
        return SharedRead.evaluate(ValidationRequest.of(ws, policy, FixedClock.CLOCK), ethics(ws, policy)).stream()
                .map(json::toJson).toList();
    }

    @Test
    @DisplayName("the example (slices by age band and sex, fairness by sex and age band): one read, the same results")
    void exampleJudgedOnce() throws Exception {
        List<String> together = sameEitherWay(EXAMPLE);
        assertThat(together.get(0)).contains("\"gate\" : \"validate\"");
        assertThat(together.get(1)).contains("\"gate\" : \"ethics\"");
    }

    @Test
    @DisplayName("a row dropped for a slice column the ethics gate does not read: each gate reads on its own, as alone")
    void droppedRowsAreNotShared(@TempDir Path repo) throws Exception {
        String huge = "r".repeat(1_001);
        List<String> together = sameEitherWay(repository(repo, "label,score,region,sex\n1,0.9,a,f\n0,0.2,b,m\n"
                + "1,0.7," + huge + ",f\n0,0.4,a,m\n1,0.6,b,m\n0,0.3,a,f\n", "predictions:\n  invalidRows: drop\n"
                + "  maxDroppedShare: 0.5\nslices:\n  - column: region\n    limits:\n      - metric: recall\n"
                + "        min: 0.1\nethics:\n  fairness:\n    sensitive: [sex]\n"));
        assertThat(together.get(0)).contains("\"droppedRows\" : 1");
        assertThat(together.get(1)).contains("\"droppedRows\" : 0");
    }

    @Test
    @DisplayName("bad input is told by the gate that meets it, as when each reads alone")
    void badInputAsAlone(@TempDir Path repo) throws Exception {
        Workspace ws = Workspace.at(repository(repo, "label,score,sex\n1,0.9,f\n0,abc,m\n",
                "ethics:\n  fairness:\n    sensitive: [sex]\n"));
        LoadedPolicy policy = new PolicyLoader().loadFromRepository(ws.root());
        assertThatThrownBy(() -> together(ws, policy)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("eval/predictions.csv:3: column 'score': 'abc' is not a number");
    }
}
