package io.mlgates.plugin;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.Secret;
import io.mlgates.plugin.logic.TeamRegistry;
import io.mlgates.plugin.logic.TeamRegistrySetting;
import java.time.Clock;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The team registry in Manage Jenkins → System, beside the organisation policy: the embedded registry under
 * {@code $JENKINS_HOME} (the default: nothing to set), or an MLflow tracking server with its token. Promotions,
 * approvals and the job's board reach it through {@link #registry()}, on the controller only. Configuration as code
 * sets it through the setters ({@code unclassified: mlGatesRegistry: mlflowUrl: ...}). A save is refused, keeping the
 * previous setting, when the address is not an http(s) URL or a token is set without an address.
 */
@Extension
@Symbol("mlGatesRegistry")
public final class TeamRegistryConfiguration extends GlobalConfiguration {
    private String mlflowUrl;
    /** Kept encrypted by Jenkins in the configuration's XML file. */
    private Secret token;

    public TeamRegistryConfiguration() {
        load();
    }

    /** The instance Jenkins created. */
    public static TeamRegistryConfiguration get() {
        return ExtensionList.lookupSingleton(TeamRegistryConfiguration.class);
    }

    /** The registry as now set; each {@link TeamRegistry#open} reads the token anew. Call on the controller only. */
    public TeamRegistry registry() {
        Secret kept = token;
        return setting().registry(Jenkins.get().getRootDir().toPath(),
                () -> Optional.ofNullable(Secret.toString(kept)).filter(t -> !t.isBlank()), Clock.systemUTC());
    }

    TeamRegistrySetting setting() {
        return new TeamRegistrySetting(mlflowUrl, null, hasToken(token));
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

    public Secret getToken() {
        return token;
    }

    /** The MLflow server's token, sent as a bearer token. */
    @DataBoundSetter
    public void setToken(Secret token) {
        this.token = hasToken(token) ? token : null;
        save();
    }

    /** Saves the form's setting only when it can be used; else Jenkins shows the problem at its field. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        String url = GateStep.emptyToNull(json.optString(TeamRegistrySetting.URL_FIELD, null));
        String typed = json.optString(TeamRegistrySetting.TOKEN_FIELD, "");
        Secret submitted = typed.isBlank() ? null : Secret.fromString(typed);
        try {
            new TeamRegistrySetting(url, null, hasToken(submitted)).checked();
        } catch (TeamRegistrySetting.Refused e) {
            throw new FormException(e.getMessage(), e.field());
        }
        mlflowUrl = url;
        token = hasToken(submitted) ? submitted : null;
        save();
        return true;
    }

    @Override
    public String getDisplayName() {
        return Messages.get("TeamRegistryConfiguration.displayName");
    }
}
