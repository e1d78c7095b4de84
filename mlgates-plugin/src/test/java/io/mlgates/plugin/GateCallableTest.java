package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
import io.mlgates.plugin.logic.BuildShare;
import io.mlgates.plugin.logic.EthicsTask;
import io.mlgates.plugin.logic.GateRun;
import io.mlgates.plugin.logic.Serialization;
import io.mlgates.plugin.logic.ValidateTask;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The callable that carries a gate to the agent survives the channel and runs the engine there. */
class GateCallableTest {
    @TempDir
    Path work;

    /** A build log that remoting would connect back to the controller; here, a buffer. */
    static final class BufferListener implements TaskListener, Serializable {
        private static final long serialVersionUID = 1L;
        private transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private transient PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        @Override
        public PrintStream getLogger() {
            if (out == null) {
                bytes = new ByteArrayOutputStream();
                out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            }
            return out;
        }
    }

    @Test
    void runsTheGateWhereTheFilesAreAfterCrossingTheChannel() throws Exception {
        Files.createDirectories(work.resolve("model"));
        Files.writeString(work.resolve("model/m.bin"), "weights");
        Files.createDirectories(work.resolve("eval"));
        Files.writeString(work.resolve("eval/predictions.csv"), "label,score\n1,0.9\n0,0.2\n1,0.7\n0,0.4\n");

        GateCallable onAgent = Serialization.roundTrip(new GateCallable(new ValidateTask(null, null, null), "validate",
                ".mlgates/results", new BufferListener()));
        GateRun run = Serialization.roundTrip(onAgent.invoke(work.toFile(), null));

        assertThat(run.hasVerdict()).isTrue();
        assertThat(run.json()).contains("\"status\" : \"WARN\""); // no policy: only the data was checked
        assertThat(work.resolve(".mlgates/results/validate/validate.json")).isRegularFile();
    }

    @Test
    void theSecondGateOfABuildJudgesTheStatisticsTheFirstKeptBesideTheWorkspace() throws Exception {
        Path ws = Files.createDirectories(work.resolve("ws"));
        Files.createDirectories(ws.resolve("eval"));
        Files.writeString(ws.resolve("eval/predictions.csv"),
                "label,score,sex\n1,0.9,f\n0,0.2,m\n1,0.7,m\n0,0.4,f\n");
        Files.writeString(ws.resolve("mlgates.yaml"), "ethics:\n  fairness:\n    sensitive: [sex]\n");
        GateResultsAction build = new GateResultsAction();
        Optional<BuildShare> share = BuildShare.of(Map.of("WORKSPACE", ws.toString()), "job", 1, build.sharingKey());
        BufferListener listener = new BufferListener();

        // not serialized here, to read the log this listener keeps (the first test sends a callable across)
        new GateCallable(new ValidateTask(null, null, null), "validate", "out", listener, share)
                .invoke(ws.toFile(), null);
        new GateCallable(new EthicsTask(null, null, null, null), "ethics", "out", listener, share)
                .invoke(ws.toFile(), null);

        String log = listener.bytes.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("kept the statistics of eval/predictions.csv", "the rows were not read again");
        assertThat(work.resolve("ws@tmp/mlgates/job-1")).isDirectory();
    }

    @Test
    void aBuildsKeyIsItsOwnStaysTheSameAndIsNeverSaved() throws Exception {
        GateResultsAction build = new GateResultsAction();

        assertThat(build.sharingKey()).hasSize(32).isEqualTo(build.sharingKey())
                .isNotEqualTo(new GateResultsAction().sharingKey());
        // build.xml is the action as XStream writes it, which leaves transient fields out
        assertThat(Modifier.isTransient(GateResultsAction.class.getDeclaredField("sharingKey").getModifiers()))
                .isTrue();
    }
}
