package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.audit.CanonicalJson;
import io.mlgates.core.registry.SqliteRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verified identities: keys made by ssh-keygen in the test, an organisation policy naming the allowed signers, and a
 * production stage that accepts only verified approvals.
 */
class SignedApprovalsTest {
    private static final Instant THURSDAY = Instant.parse("2026-11-26T10:00:00Z");
    /** Tuesday 1 December, 14:30 in Berlin: the 14:00 train is open. */
    private static final Instant DEPARTURE = Instant.parse("2026-12-01T13:30:00Z");

    @TempDir
    Path tmp;
    private Path repo;
    private Path orgPolicy;
    private StringWriter out;
    private StringWriter err;

    private Path keygen(String name) throws Exception {
        return SshKeys.keygen(tmp.resolve("keys"), name);
    }

    @BeforeEach
    void verifiedProduction() throws Exception {
        repo = ExampleRepository.copyInto(tmp);
        Path policy = repo.resolve("mlgates.yaml");
        Files.writeString(policy, Files.readString(policy).replace("      train: true        # rides the release train",
                "      identity: verified\n      train: true        # rides the release train"));
        StringBuilder signers = new StringBuilder();
        for (String officer : new String[] {"priya", "tomas"}) {
            Path key = keygen(officer);
            signers.append(officer).append(" namespaces=\"mlgates\" ")
                    .append(Files.readString(key.resolveSibling(officer + ".pub")).trim()).append('\n');
        }
        Files.writeString(tmp.resolve("allowed_signers"), signers);
        orgPolicy = Files.writeString(tmp.resolve("org-policy.yaml"), "version: 1\nidentity:\n"
                + "  allowedSigners: allowed_signers\n");
    }

    private int run(Instant now, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Environment environment = new Environment("x", Map.of(Validation.ORG_POLICY_VARIABLE, orgPolicy.toString()),
                Clock.fixed(now, ZoneOffset.UTC));
        return Main.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String key(String name) {
        return tmp.resolve("keys").resolve(name).toString();
    }

    @Test
    @DisplayName("signed approvals are verified and counted; a wrong key is refused; declared approvals do not count")
    void verifiedStage() throws Exception {
        assertThat(run(THURSDAY, "run", repo.toString())).as(out + "" + err).isZero();

        assertThat(run(THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", "priya", "--reason",
                "typed only")).isEqualTo(1);
        assertThat(out.toString()).contains("identity.verified: stage production accepts only verified approvals,"
                + " and priya is a declared identity");

        assertThat(run(THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", "priya", "--reason",
                "report reviewed", "--ssh-key", key("tomas"))).as("tomas's key for priya").isEqualTo(1);
        assertThat(out.toString()).contains("identity.signature: priya's signature does not verify");

        assertThat(run(THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", "priya", "--reason",
                "report reviewed", "--ssh-key", key("priya"))).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("recorded: priya approves").contains("(verified: SHA256:");

        // tomas signs elsewhere: the statement is printed, signed with ssh-keygen itself, and handed in
        Instant signedAt = THURSDAY.plusSeconds(30);
        assertThat(run(THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", "tomas", "--reason",
                "fairness reviewed", "--at", signedAt.toString(), "--print-statement")).isZero();
        String statement = out.toString();
        assertThat(CanonicalJson.parse(statement).path("approver").asText()).isEqualTo("tomas");
        Path message = Files.writeString(tmp.resolve("statement"), statement);
        Process sign = new ProcessBuilder("ssh-keygen", "-Y", "sign", "-n", "mlgates", "-f", key("tomas"),
                message.toString()).redirectErrorStream(true).start();
        assertThat(sign.waitFor()).isZero();
        Path signature = tmp.resolve("statement.sig");
        assertThat(run(THURSDAY.plusSeconds(60), "approve", repo.toString(), "--stage", "production", "--as", "tomas",
                "--reason", "fairness reviewed", "--at", signedAt.toString(), "--signature", signature.toString()))
                .as(out + "" + err).isZero();

        assertThat(run(DEPARTURE, "promote", repo.toString(), "--to", "production", "--as", "jenkins"))
                .as(out + "" + err).isZero();
        assertThat(out.toString()).contains("promoted credit-risk version 1");
        try (SqliteRegistry registry = SqliteRegistry.openForReading(repo.resolve(".mlgates/registry.db"), "db")) {
            var evidence = registry.auditLog().stream().filter(e -> e.record().action().equals("approve"))
                    .map(e -> CanonicalJson.parse(e.record().evidence())).toList();
            assertThat(evidence).extracting(e -> e.path("identity").asText()).containsExactly("verified", "verified");
        }
    }

    @Test
    @DisplayName("a declared approval written into the chain by other means does not count on a verified stage")
    void declaredApprovalsDoNotCount() throws Exception {
        assertThat(run(THURSDAY, "run", repo.toString())).isZero();
        Files.writeString(repo.resolve("mlgates.yaml"), Files.readString(repo.resolve("mlgates.yaml"))
                .replace("      identity: verified\n", ""));
        for (String officer : new String[] {"priya", "tomas"}) {
            assertThat(run(THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", officer,
                    "--reason", "ok")).isZero();
        }
        Files.writeString(repo.resolve("mlgates.yaml"), Files.readString(repo.resolve("mlgates.yaml"))
                .replace("      train: true        # rides", "      identity: verified\n      train: true        # rides"));
        assertThat(run(DEPARTURE, "promote", repo.toString(), "--to", "production")).isEqualTo(1);
        assertThat(out.toString()).contains("needs 2 approvals from group credit-risk-officers, has 0")
                .contains("priya's approval does not count: the stage accepts only verified approvals, and its"
                        + " identity is declared");
    }

    @Test
    @DisplayName("an approval dated in the future beyond the skew is refused")
    void futureApproval() throws Exception {
        assertThat(run(THURSDAY, "run", repo.toString())).isZero();
        assertThat(run(THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", "priya", "--reason",
                "ok", "--at", THURSDAY.plusSeconds(3600).toString(), "--ssh-key", key("priya"))).isEqualTo(1);
        assertThat(out.toString()).contains("approvals.future: the approve is refused: it is dated"
                + " 2026-11-26T11:00:00Z, in the future");
    }

    @Test
    @DisplayName("a model policy may not name its own allowed signers")
    void modelPolicyCannotNameSigners() throws IOException {
        Files.writeString(repo.resolve("mlgates.yaml"), Files.readString(repo.resolve("mlgates.yaml"))
                + "identity:\n  allowedSigners: mine\n");
        assertThat(run(THURSDAY, "approve", repo.toString(), "--stage", "production", "--as", "priya", "--reason",
                "ok")).isEqualTo(2);
        assertThat(err.toString()).contains("identity belongs in the organisation policy");
    }
}
