package io.mlgates.plugin;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.Secret;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.plugin.logic.Refused;
import io.mlgates.plugin.logic.TeamRegistry;
import io.mlgates.plugin.logic.TeamRegistrySetting;
import java.time.Clock;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The team registry in Manage Jenkins → System, beside the organisation policy: the embedded registry under
 * {@code $JENKINS_HOME} (the default: nothing to set), or an MLflow tracking server with its token, from a secret
 * text credential or typed there. Promotions, approvals and the job's board reach it through {@link #registry()}, on
 * the controller only. Configuration as code sets it through the setters
 * ({@code unclassified: mlGatesRegistry: mlflowUrl: ..., credentialsId: ...}). A save is refused, keeping the previous
 * setting, when the address is not an http(s) URL, a credential or token is set without an address, both are set, or
 * the credential is not a secret text in Jenkins' global credentials.
 */
@Extension
@Symbol("mlGatesRegistry")
public final class TeamRegistryConfiguration extends GlobalConfiguration {
    private String mlflowUrl;
    private String credentialsId;
    /** Kept encrypted by Jenkins in the configuration's XML file. */
    private Secret token;

    public TeamRegistryConfiguration() {
        load();
    }

    /** The instance Jenkins created. */
    public static TeamRegistryConfiguration get() {
        return ExtensionList.lookupSingleton(TeamRegistryConfiguration.class);
    }

    /**
     * The registry as now set; each {@link TeamRegistry#open} looks the token up anew (a credential may be replaced
     * meanwhile). Call on the controller only.
     */
    public TeamRegistry registry() {
        String id = credentialsId;
        Secret kept = token;
        return setting().registry(Jenkins.get().getRootDir().toPath(), () -> {
            if (id != null) {
                StringCredentials found = credential(id);
                if (found == null) {
                    throw new RegistryException("Manage Jenkins: team registry: "
                            + TeamRegistrySetting.missingCredential(id));
                }
                return Optional.of(Secret.toString(found.getSecret())).filter(t -> !t.isBlank());
            }
            return Optional.ofNullable(Secret.toString(kept)).filter(t -> !t.isBlank());
        }, Clock.systemUTC());
    }

    /** The secret text credential {@code id} of Jenkins' global credentials, looked up as the system; or null. */
    private static StringCredentials credential(String id) {
        return CredentialsMatchers.firstOrNull(CredentialsProvider.lookupCredentialsInItemGroup(
                StringCredentials.class, null, null), CredentialsMatchers.withId(id));
    }

    TeamRegistrySetting setting() {
        return new TeamRegistrySetting(mlflowUrl, credentialsId, hasToken(token));
    }

    private static boolean hasToken(Secret secret) {
        return secret != null && !Secret.toString(secret).isBlank();
    }

    public String getMlflowUrl() {
        return mlflowUrl;
    }

    /** The MLflow tracking server's http(s) address; empty for the embedded registry. */
    @DataBoundSetter
    public void setMlflowUrl(String mlflowUrl) {
        this.mlflowUrl = GateStep.emptyToNull(mlflowUrl);
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** The id of a secret text credential holding the MLflow server's token. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = GateStep.emptyToNull(credentialsId);
        save();
    }

    public Secret getToken() {
        return token;
    }

    /** The MLflow server's token, sent as a bearer token, when no credential holds it. */
    @DataBoundSetter
    public void setToken(Secret token) {
        this.token = hasToken(token) ? token : null;
        save();
    }

    /** Saves the form's setting only when it can be used; else Jenkins shows the problem at its field. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        String url = GateStep.emptyToNull(json.optString(TeamRegistrySetting.URL_FIELD, null));
        String id = GateStep.emptyToNull(json.optString(TeamRegistrySetting.CREDENTIALS_FIELD, null));
        String typed = json.optString(TeamRegistrySetting.TOKEN_FIELD, "");
        Secret submitted = typed.isBlank() ? null : Secret.fromString(typed);
        try {
            new TeamRegistrySetting(url, id, hasToken(submitted)).checked();
        } catch (Refused e) {
            throw new FormException(e.getMessage(), e.field());
        }
        if (id != null && credential(id) == null) {
            throw new FormException(TeamRegistrySetting.missingCredential(id), TeamRegistrySetting.CREDENTIALS_FIELD);
        }
        mlflowUrl = url;
        credentialsId = id == null ? null : id.strip();
        token = hasToken(submitted) ? submitted : null;
        save();
        return true;
    }

    @Override
    public String getDisplayName() {
        return Messages.get("TeamRegistryConfiguration.displayName");
    }
}
