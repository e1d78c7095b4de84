package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
import io.mlgates.plugin.logic.GateRun;
import io.mlgates.plugin.logic.Serialization;
import io.mlgates.plugin.logic.ValidateTask;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
