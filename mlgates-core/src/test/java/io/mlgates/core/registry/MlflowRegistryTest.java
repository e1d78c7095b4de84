package io.mlgates.core.registry;

import static io.mlgates.core.registry.SqliteRegistryTest.T0;
import static io.mlgates.core.registry.SqliteRegistryTest.digest;
import static io.mlgates.core.registry.SqliteRegistryTest.promote;
import static io.mlgates.core.registry.SqliteRegistryTest.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.audit.AuditFinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MlflowRegistryTest {
    private static final String TOKEN = "dapi-test-token";
    private FakeMlflowServer server;
    private MlflowRegistry registry;

    @BeforeEach
    void start() throws Exception {
        server = new FakeMlflowServer(Optional.of(TOKEN));
        registry = new MlflowRegistry(server.uri(), "credit-risk", Map.of(MlflowRegistry.TOKEN_VARIABLE, TOKEN));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("a candidate becomes a model version whose tags carry digest, author, evidence and metrics; it reads"
            + " back equal, and its digest registers once")
    void registerRoundTrip() throws Exception {
        ModelVersion v1 = registry.register(registration("credit-risk", 1), "jenkins");
        ModelVersion v2 = registry.register(registration("credit-risk", 2), "jenkins");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(registry.register(registration("credit-risk", 1), "jenkins")).isEqualTo(v1);
        assertThat(registry.version("credit-risk", 1)).contains(v1);
        assertThat(registry.version("credit-risk", 9)).isEmpty();
        assertThat(registry.versionByDigest("credit-risk", digest(2))).contains(v2);
        assertThat(server.versionTags("credit-risk", "1")).containsEntry("mlgates.digest", digest(1))
                .containsEntry("mlgates.author", "alice").containsKeys("mlgates.evidence", "mlgates.metrics");
        registry.register(registration("credit-risk", 3), "jenkins");
        assertThat(registry.versions("credit-risk")).as("three versions over two pages").hasSize(3);
        assertThat(registry.models()).containsExactly("credit-risk");
    }

    @Test
    @DisplayName("a stage is an alias, moved as the last step and read back; the deprecated stage transitions are"
            + " never called")
    void stagesAreAliases() throws Exception {
        registry.register(registration("credit-risk", 1), "jenkins");
        registry.register(registration("credit-risk", 2), "jenkins");
        registry.move(promote("credit-risk", "staging", OptionalInt.empty(), 1));
        StageMove second = registry.move(promote("credit-risk", "staging", OptionalInt.of(1), 2)).value();
        List<String> requests = server.requests();
        assertThat(second.from()).hasValue(1);
        assertThat(registry.current("credit-risk", "staging")).hasValue(2);
        assertThat(registry.current("credit-risk", "production")).isEmpty();
        assertThat(registry.stages("credit-risk")).isEqualTo(Map.of("staging", 2));
        assertThat(registry.history("credit-risk")).extracting(StageMove::from, StageMove::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(OptionalInt.empty(), 1),
                org.assertj.core.groups.Tuple.tuple(OptionalInt.of(1), 2));
        assertThat(registry.history("credit-risk").get(1).request())
                .isEqualTo(promote("credit-risk", "staging", OptionalInt.of(1), 2));

        assertThat(requests).noneMatch(r -> r.contains("transition-stage"));
        int lastAlias = requests.lastIndexOf("POST /api/2.0/mlflow/registered-models/alias");
        // read back, then the audit head committed: the alias is the change's last write
        assertThat(requests.subList(lastAlias + 1, requests.size()))
                .containsExactly("GET /api/2.0/mlflow/registered-models/alias",
                        "GET /api/2.0/mlflow/registered-models/get", "POST /api/2.0/mlflow/registered-models/set-tag");
        assertThat(requests.subList(requests.lastIndexOf("POST /api/2.0/mlflow/registered-models/create"), lastAlias))
                .as("the entry claims its place first, then the change's tags are written")
                .contains("POST /api/2.0/mlflow/registered-models/set-tag", "POST /api/2.0/mlflow/model-versions/set-tag");
    }

    @Test
    @DisplayName("a move from another version than the alias holds is refused before anything is written")
    void conflict() throws Exception {
        registry.register(registration("credit-risk", 1), "jenkins");
        registry.register(registration("credit-risk", 2), "jenkins");
        registry.move(promote("credit-risk", "staging", OptionalInt.empty(), 1));
        assertThatThrownBy(() -> registry.move(promote("credit-risk", "staging", OptionalInt.empty(), 2)))
                .isInstanceOf(StageConflictException.class);
        assertThat(registry.current("credit-risk", "staging")).hasValue(1);
        assertThat(registry.history("credit-risk")).hasSize(1);
    }

    @Test
    @DisplayName("approvals are tags of the version, read back in order")
    void approvals() throws Exception {
        registry.register(registration("credit-risk", 1), "jenkins");
        Approval yes = new Approval("credit-risk", digest(1), "production", "carol", Approval.Decision.APPROVE,
                "report reviewed", T0.plusSeconds(5));
        Approval no = new Approval("credit-risk", digest(1), "production", "dave@example.com",
                Approval.Decision.REJECT, "bias in the 60+ slice", T0.plusSeconds(6));
        registry.decide(yes);
        registry.decide(no);
        assertThat(registry.approvals("credit-risk", digest(1), "production")).containsExactly(yes, no);
        assertThat(registry.approvals("credit-risk", digest(1), "staging")).isEmpty();
        assertThat(registry.approvals("credit-risk", digest(7), "production")).isEmpty();
    }

    @Test
    @DisplayName("each audit entry is a registered model of its own, hidden from the models; the chain verifies, its"
            + " head tag is on the newest entry, and an edited entry is named")
    void auditChain() throws Exception {
        registry.register(registration("credit-risk", 1), "jenkins");
        registry.move(promote("credit-risk", "staging", OptionalInt.empty(), 1));
        registry.decide(new Approval("credit-risk", digest(1), "production", "carol", Approval.Decision.APPROVE, "ok",
                T0.plusSeconds(120)));
        assertThat(registry.auditLog()).extracting(e -> e.record().action())
                .containsExactly("register", "promote", "approve");
        assertThat(registry.verifyAudit().findings()).isEmpty();
        assertThat(registry.models()).containsExactly("credit-risk");
        assertThat(server.modelTags("credit-risk").get("mlgates.auditHead"))
                .isEqualTo("3 " + registry.head().orElseThrow().hash());

        String entry = "mlgates-audit.credit-risk.00000002";
        String key = MlflowRegistry.ENTRY_TAG;
        server.editModelTag(entry, key, server.modelTags(entry).get(key).replace("bob", "mallory"));
        assertThat(registry.verifyAudit().findings()).extracting(AuditFinding::seq, AuditFinding::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, AuditFinding.Kind.EDITED),
                        org.assertj.core.groups.Tuple.tuple(2L, AuditFinding.Kind.STATE));
    }

    @Test
    @DisplayName("the token goes as a bearer token; without it the server's refusal is reported, naming the server")
    void token() throws Exception {
        assertThat(registry.models()).isEmpty();
        MlflowRegistry anonymous = new MlflowRegistry(server.uri(), "credit-risk", Map.of());
        assertThatThrownBy(anonymous::models).isInstanceOf(RegistryException.class)
                .hasMessage(server.uri() + ": GET registered-models/search?max_results=1000 answered 401"
                        + " UNAUTHENTICATED: You are not authenticated.");
    }

    @Test
    @DisplayName("a server that is not there is a registry error, not a crash")
    void noServer() throws Exception {
        server.close();
        assertThatThrownBy(() -> registry.current("credit-risk", "staging")).isInstanceOf(RegistryException.class)
                .hasMessageContaining("GET registered-models/alias");
    }
}
