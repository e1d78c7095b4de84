package io.mlgates.plugin.logic;

import io.mlgates.plugin.logic.attest.SignedEnvelope;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plain objects behind the plugin's interfaces: a workspace in a folder, a build in memory, a log in a list. */
final class Fakes {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private Fakes() {
    }

    /** Runs the agent's part in this JVM, with the task and the answer serialized as the remoting channel would. */
    static final class Workspace implements GateWorkspace {
        private final Path dir;
        private final int maxResultChars;
        final StepLog agentLog;

        Workspace(Path dir, int maxResultChars, StepLog agentLog) {
            this.dir = dir;
            this.maxResultChars = maxResultChars;
            this.agentLog = agentLog;
        }

        @Override
        public GateRun run(GateTask task, String id, String resultsDir) throws IOException {
            try {
                GateTask onAgent = Serialization.roundTrip(task);
                return Serialization.roundTrip(new AgentRun(CLOCK, maxResultChars)
                        .run(dir, onAgent, id, resultsDir, agentLog));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A build that keeps what it is given. */
    static class Build implements GateBuild {
        final Map<String, ResultSummary> attached = new LinkedHashMap<>();
        final Map<String, String> json = new LinkedHashMap<>();
        final List<ResultSummary> trend = new ArrayList<>();
        final List<String> marks = new ArrayList<>();
        final List<String> reserved = new ArrayList<>();
        final List<GateCheck> checks = new ArrayList<>();
        final Map<String, String> policies = new LinkedHashMap<>();
        final Map<String, SignedEnvelope> attestations = new LinkedHashMap<>();

        @Override
        public String reserveId(String wanted) {
            String id = ResultIds.unique(wanted, reserved);
            reserved.add(id);
            return id;
        }

        @Override
        public void attach(ResultSummary summary, String resultJson, Optional<SignedEnvelope> attestation) {
            attached.put(summary.getId(), summary);
            json.put(summary.getId(), resultJson);
            attestation.ifPresent(a -> attestations.put(summary.getId(), a));
        }

        @Override
        public void publishCheck(GateCheck check) {
            checks.add(check);
        }

        @Override
        public void keepPolicy(String id, String text) {
            policies.put(id, text);
        }

        @Override
        public String resultUrl(String id) {
            return "job/credit-risk/42/mlgates/" + id + "/";
        }

        @Override
        public void addToTrend(ResultSummary summary) throws IOException {
            trend.add(summary);
        }

        @Override
        public void mark(Mark mark, boolean wholeBuild, String message) {
            marks.add((wholeBuild ? "build+stage " : "stage ") + mark + ": " + message);
        }
    }

    /** A log that keeps its lines. */
    static final class Log implements StepLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void println(String line) {
            lines.add(line);
        }

        String text() {
            return String.join("\n", lines);
        }
    }
}
