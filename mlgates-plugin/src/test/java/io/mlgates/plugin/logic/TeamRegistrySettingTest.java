package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.registry.FakeMlflowServer;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.registry.SqliteRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team registry as Manage Jenkins holds it: the embedded file under $JENKINS_HOME by default, or MLflow. */
class TeamRegistrySettingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private static final TeamRegistrySetting.TokenSource NO_TOKEN = Optional::empty;

    @TempDir
    Path jenkinsHome;

    @Test
    void nothingSetIsTheEmbeddedRegistryUnderJenkinsHome() throws Exception {
        TeamRegistry registry = TeamRegistrySetting.embedded().checked().registry(jenkinsHome, NO_TOKEN, CLOCK);
        try (ModelRegistry opened = registry.open()) {
            assertThat(opened).isInstanceOf(SqliteRegistry.class);
            assertThat(opened.location()).isEqualTo("$JENKINS_HOME/ml-gates/registry.db");
            assertThat(opened.models()).isEmpty();
        }
        assertThat(jenkinsHome.resolve("ml-gates/registry.db")).isRegularFile();
        // the same registry for every model
        try (ModelRegistry opened = registry.open("credit-risk")) {
            assertThat(opened.location()).isEqualTo("$JENKINS_HOME/ml-gates/registry.db");
        }
    }

    @Test
    void anMlflowServerIsOpenedForAModelWithTheTokenLookedUpAtEachOpening() throws Exception {
        try (FakeMlflowServer server = new FakeMlflowServer(Optional.of("s3cret"))) {
            String[] current = {"wrong"};
            TeamRegistry registry = new TeamRegistrySetting(server.uri().toString(), null, true).checked()
                    .registry(jenkinsHome, () -> Optional.of(current[0]), CLOCK);
            try (ModelRegistry opened = registry.open("credit-risk")) {
                assertThatThrownBy(opened::models).isInstanceOf(RegistryException.class)
                        .hasMessageContaining("401 UNAUTHENTICATED");
            }
            current[0] = "s3cret";
            try (ModelRegistry opened = registry.open("credit-risk")) {
                assertThat(opened.location()).isEqualTo(server.uri().toString());
                assertThat(opened.models()).isEmpty();
            }
            assertThatThrownBy(registry::open).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("opened for a model");
        }
        assertThat(jenkinsHome.resolve("ml-gates")).doesNotExist();
    }

    @Test
    void aSaveIsRefusedAtTheFieldThatIsWrong() {
        assertThatThrownBy(() -> new TeamRegistrySetting("mlflow.example.com", null, false).checked())
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.field()).isEqualTo("mlflowUrl"))
                .hasMessageContaining("'mlflow.example.com' is not an MLflow tracking server's address");
        assertThatThrownBy(() -> new TeamRegistrySetting("ftp://mlflow.example.com", null, false).checked())
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.field()).isEqualTo("mlflowUrl"));
        assertThatThrownBy(() -> new TeamRegistrySetting("https://u:p@mlflow.example.com", null, false).checked())
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.field()).isEqualTo("mlflowUrl"));
        assertThatThrownBy(() -> new TeamRegistrySetting(" ", null, true).checked())
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.field()).isEqualTo("token"))
                .hasMessageContaining("no MLflow tracking server");
        assertThatThrownBy(() -> new TeamRegistrySetting(null, "mlflow-token", false).checked())
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.field()).isEqualTo("credentialsId"));
        assertThatThrownBy(() -> new TeamRegistrySetting("https://mlflow.example.com", "mlflow-token", true)
                .checked()).isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.field()).isEqualTo("token"))
                .hasMessageContaining("both a credential and a token");
    }

    @Test
    void aGoodAddressIsKeptAsTyped() throws Exception {
        assertThat(new TeamRegistrySetting(" https://mlflow.example.com:5000/ ", null, true).checked().mlflowUrl())
                .isEqualTo("https://mlflow.example.com:5000/");
    }

    @Test
    void anAddressThatGotPastTheFormIsRefusedWhenOpened() {
        TeamRegistry registry = new TeamRegistrySetting("not a url", null, false).registry(jenkinsHome, NO_TOKEN,
                CLOCK);
        assertThatThrownBy(() -> registry.open("m")).isInstanceOf(RegistryException.class)
                .hasMessageContaining("Manage Jenkins: team registry: 'not a url'");
    }
}
