package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry's record through the commands: anchors printed and checked, reading that never writes, tampering. */
class AuditCommandsTest {
    private static final Instant THURSDAY = Instant.parse("2026-11-26T10:00:00Z");
    private static final Pattern HEAD = Pattern.compile("chain head: (\\d+:[0-9a-f]{64})");

    @TempDir
    Path tmp;
    private Path repo;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void copyOfTheExample() throws IOException {
        repo = ExampleRepository.copyInto(tmp);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Environment environment = new Environment("alice", Map.of(), Clock.fixed(THURSDAY, ZoneOffset.UTC));
        return Main.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String printedHead() {
        Matcher m = HEAD.matcher(out.toString());
        assertThat(m.find()).as("a chain head in: %s", out).isTrue();
        return m.group(1);
    }

    private Path db() {
        return repo.resolve(".mlgates/registry.db");
    }

    /** Every file of the folder with its size, bytes' hash and modification time. */
    private Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(folder)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isDirectory(p)) {
                    files.put(p.getFileName() + "/", String.valueOf(Files.getLastModifiedTime(p).toMillis()));
                    continue;
                }
                FileTime modified = Files.getLastModifiedTime(p);
                files.put(p.getFileName().toString(), Files.size(p) + " " + java.util.Arrays.hashCode(
                        Files.readAllBytes(p)) + " " + modified.toMillis());
            }
        }
        return files;
    }

    @Test
    @DisplayName("promote and approve print the chain head; audit verify --expect-head holds it, and shows a cut")
    void anchors() throws Exception {
        assertThat(run("run", repo.toString())).isZero();
        String afterStaging = printedHead();
        assertThat(afterStaging).startsWith("2:");
        assertThat(run("approve", repo.toString(), "--stage", "production", "--as", "priya", "--reason", "ok"))
                .isZero();
        String afterApproval = printedHead();
        assertThat(afterApproval).startsWith("3:");
        assertThat(run("approve", repo.toString(), "--stage", "production", "--as", "tomas", "--reason", "ok",
                "--format", "json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("chainHead").asText()).startsWith("4:");

        assertThat(run("audit", "verify", repo.toString(), "--expect-head", afterStaging, "--expect-head",
                afterApproval)).isZero();
        assertThat(out.toString()).contains("4 entries, chain intact, every anchor held");

        // the insider cuts entries 3 and 4 with their rows, and moves the head back to entry 2
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            for (String sql : new String[] {"DROP TRIGGER audit_log_no_delete", "DROP TRIGGER approvals_no_delete",
                "DROP TRIGGER audit_head_forward", "DELETE FROM audit_log WHERE seq > 2", "DELETE FROM approvals",
                "UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_log WHERE seq = 2)"}) {
                s.execute(sql);
            }
        }
        assertThat(run("audit", "verify", repo.toString())).as("the chain alone cannot show it").isZero();
        assertThat(run("audit", "verify", repo.toString(), "--expect-head", afterApproval)).isEqualTo(1);
        assertThat(out.toString()).contains("2 entries, TAMPERED WITH:").contains("the anchor " + afterApproval
                + " names entry 3, which the log no longer holds (it ends at entry 2)");
        assertThat(run("audit", "verify", repo.toString(), "--expect-head", "3:abc")).isEqualTo(2);
        assertThat(err.toString()).contains("--expect-head").contains("expected SEQ:HASH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit verify", "registry list", "registry history", "registry show --version 1"})
    @DisplayName("reading commands on a mistyped path: exit 2 'no registry at PATH', and nothing is created")
    void missingRegistry(String command) {
        Path typo = tmp.resolve("regsitry.db");
        String[] args = (command + " " + repo + " --registry " + typo).split(" ");
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).contains("no registry at " + typo);
        assertThat(typo).doesNotExist();
        assertThat(tmp.resolve("regsitry.db-wal")).doesNotExist();
    }

    @Test
    @DisplayName("reading commands never write: bytes, times and the folder's files stay as they were")
    void readingNeverWrites() throws Exception {
        assertThat(run("run", repo.toString())).isZero();
        Map<String, String> before = snapshot(db().getParent());
        for (String[] args : new String[][] {{"audit", "verify", repo.toString()},
            {"registry", "list", repo.toString()}, {"registry", "history", repo.toString()},
            {"registry", "show", repo.toString(), "--version", "1"}}) {
            assertThat(run(args)).as(String.join(" ", args)).isZero();
        }
        assertThat(snapshot(db().getParent())).isEqualTo(before);
    }

    @Test
    @DisplayName("a registry truncated to 0 bytes: reading is exit 2 'no registry', and promote refuses to start over")
    void truncatedToZero() throws Exception {
        assertThat(run("run", repo.toString())).isZero();
        Files.write(db(), new byte[0]);
        assertThat(run("audit", "verify", repo.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no registry at .mlgates/registry.db (the file is empty)");
        assertThat(run("promote", repo.toString(), "--to", "staging")).isEqualTo(2);
        assertThat(err.toString()).contains(".mlgates/registry.db: the registry file is empty");
        assertThat(Files.size(db())).isZero();
    }

    @Test
    @DisplayName("a field mlgates never writes is tampering: exit 1 naming the row and field, never a crash")
    void tamperedField() throws Exception {
        assertThat(run("run", repo.toString())).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER stage_history_no_update");
            s.execute("UPDATE stage_history SET kind = 'TELEPORT'");
        }
        assertThat(run("registry", "history", repo.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(".mlgates/registry.db: tampered with: stage_history row 1, field kind:"
                + " expected one of PROMOTE, ROLLBACK, found 'TELEPORT'");
        assertThat(run("audit", "verify", repo.toString(), "--format", "json")).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("findings").findValuesAsText("message")).contains("stage_history row 1, field kind:"
                + " expected one of PROMOTE, ROLLBACK, found 'TELEPORT'");
        assertThat(run("registry", "rollback", repo.toString(), "--stage", "staging", "--reason", "x")).isEqualTo(1);
        assertThat(out.toString()).contains("audit.tampered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://exa mple:5000", "https://[::1", "http:/no-host", "http://host:5000/?q=1"})
    @DisplayName("a malformed --registry URL is a usage error (exit 2) that says what is expected")
    void malformedUrl(String url) {
        assertThat(run("registry", "list", repo.toString(), "--registry", url)).isEqualTo(2);
        assertThat(err.toString()).startsWith("mlgates: --registry").contains("http://mlflow.example:5000");
    }
}
