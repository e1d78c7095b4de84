package io.mlgates.plugin.logic;

import io.mlgates.core.registry.MlflowRegistry;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.registry.SqliteRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the team registry is, as an administrator sets it in Manage Jenkins → System: the embedded registry, one
 * SQLite file under {@code $JENKINS_HOME} (the default, with nothing set), or an MLflow tracking server, reached with
 * the secret text of a credentials id or a token typed there.
 *
 * @param mlflowUrl the tracking server's http(s) address, or null for the embedded registry
 * @param credentialsId the id of a secret text credential holding the server's token, or null
 * @param tokenSet whether a token is typed in the form (its value stays in the Jenkins adapter, encrypted)
 */
public record TeamRegistrySetting(String mlflowUrl, String credentialsId, boolean tokenSet) {
    /** The form fields the setting comes from, which a refusal names. */
    public static final String URL_FIELD = "mlflowUrl";
    public static final String CREDENTIALS_FIELD = "credentialsId";
    public static final String TOKEN_FIELD = "token";
    /** The embedded registry's file, relative to {@code $JENKINS_HOME}. */
    public static final String EMBEDDED_FILE = "ml-gates/registry.db";

    public TeamRegistrySetting {
        mlflowUrl = mlflowUrl == null || mlflowUrl.isBlank() ? null : mlflowUrl.strip();
        credentialsId = credentialsId == null || credentialsId.isBlank() ? null : credentialsId.strip();
    }

    /** Nothing set: the embedded registry. */
    public static TeamRegistrySetting embedded() {
        return new TeamRegistrySetting(null, null, false);
    }

    /**
     * This setting when it can be saved; else the refusal names the field and what was expected.
     *
     * @throws Refused when the address is not an http(s) URL with a host, or a credential or token is set without an
     *     address, or both a credential and a token are set (ambiguous)
     */
    public TeamRegistrySetting checked() throws Refused {
        if (mlflowUrl == null) {
            if (credentialsId != null) {
                throw new Refused(CREDENTIALS_FIELD, "a credential is set but no MLflow tracking server; expected the"
                        + " server's address too, or no credential for the embedded registry");
            }
            if (tokenSet) {
                throw new Refused(TOKEN_FIELD, "a token is set but no MLflow tracking server; expected the server's"
                        + " address too, or no token for the embedded registry");
            }
            return this;
        }
        serverUri(mlflowUrl);
        if (credentialsId != null && tokenSet) {
            throw new Refused(TOKEN_FIELD, "both a credential and a token are set; expected one (empty one of them)");
        }
        return this;
    }

    /** Why the credential named is of no use: what a save and an opening of the registry say. */
    public static String missingCredential(String id) {
        return "no secret text credential with id '" + id + "' in Jenkins' global credentials; expected the id of a"
                + " Secret text credential holding the MLflow server's token";
    }

    /** The embedded registry's file under {@code jenkinsHome}. */
    public static Path embeddedFile(Path jenkinsHome) {
        return jenkinsHome.resolve(EMBEDDED_FILE);
    }

    /**
     * The registry this setting names.
     *
     * @param jenkinsHome the controller's {@code $JENKINS_HOME}
     * @param token the MLflow server's token, looked up at each opening (a credential may be replaced meanwhile);
     *     empty for none
     * @param clock when the embedded registry records its migrations
     */
    public TeamRegistry registry(Path jenkinsHome, TokenSource token, Clock clock) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(clock, "clock");
        if (mlflowUrl == null) {
            Path file = embeddedFile(jenkinsHome);
            String shown = "$JENKINS_HOME/" + EMBEDDED_FILE;
            return new TeamRegistry() {
                @Override
                public ModelRegistry open() throws RegistryException {
                    return SqliteRegistry.open(file, shown, clock);
                }

                @Override
                public Optional<ModelRegistry> openToRead(String model) throws RegistryException {
                    return Files.exists(file) ? Optional.of(SqliteRegistry.openForReading(file, shown))
                            : Optional.empty();
                }
            };
        }
        URI server;
        try {
            server = serverUri(mlflowUrl);
        } catch (Refused e) {
            // a setting is checked when saved; one that got past (an edited XML file) is refused at its use
            return () -> {
                throw new RegistryException("Manage Jenkins: team registry: " + e.getMessage());
            };
        }
        return new TeamRegistry() {
            @Override
            public ModelRegistry open() throws RegistryException {
                throw new RegistryException(server + ": an MLflow registry keeps one audit chain per model; it is"
                        + " opened for a model (TeamRegistry.open(model))");
            }

            @Override
            public boolean oneChain() {
                return false;
            }

            @Override
            public ModelRegistry open(String model) throws RegistryException {
                Optional<String> t = token.token();
                return new MlflowRegistry(server, model, t.isPresent()
                        ? Map.of(MlflowRegistry.TOKEN_VARIABLE, t.get()) : Map.of());
            }
        };
    }

    private static URI serverUri(String url) throws Refused {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new Refused(URL_FIELD, "'" + url + "' is not an MLflow tracking server's address; expected an http(s)"
                + " URL with a host and no user, query or fragment, such as https://mlflow.example.com");
    }

    /** The MLflow server's token, as the Jenkins adapter looks it up (a credential or the form's secret). */
    @FunctionalInterface
    public interface TokenSource {
        /** @throws RegistryException when the credential named is missing or not a secret text */
        Optional<String> token() throws RegistryException;
    }
}
