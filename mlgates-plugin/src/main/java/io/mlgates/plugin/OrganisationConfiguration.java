package io.mlgates.plugin;

import hudson.Extension;
import hudson.ExtensionList;
import io.mlgates.core.BadInputException;
import io.mlgates.plugin.logic.OrganisationSetting;
import io.mlgates.plugin.logic.OrganisationText;
import io.mlgates.plugin.logic.Refused;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The organisation policy in Manage Jenkins → System: its text, or a file on the controller, applied to every
 * {@code mlValidate} and {@code mlEthicsGate} call as the CLI's {@code --org-policy} is. Configuration as code sets it
 * through the setters ({@code unclassified: mlGates: policyText: ...}). Only Overall/Administer may change it: Jenkins
 * requires it for a section of Manage Jenkins → System unless the section says otherwise, and this one does not.
 * A save is refused, keeping the previous setting, when the policy does not load, with its line and column; a gate
 * still checks it when applying it, since the file on the controller may change in between.
 */
@Extension
@Symbol("mlGates")
public final class OrganisationConfiguration extends GlobalConfiguration {
    private String policyText;
    private String policyPath;

    public OrganisationConfiguration() {
        load();
    }

    /** The instance Jenkins created. */
    static OrganisationConfiguration get() {
        return ExtensionList.lookupSingleton(OrganisationConfiguration.class);
    }

    /** What every gate applies: the policy's text, read here on the controller, or empty when none is set. */
    Optional<OrganisationText> organisation() throws BadInputException {
        return setting().resolve();
    }

    OrganisationSetting setting() {
        return new OrganisationSetting(policyText, policyPath);
    }

    public String getPolicyText() {
        return policyText;
    }

    @DataBoundSetter
    public void setPolicyText(String policyText) {
        this.policyText = GateStep.emptyToNull(policyText);
        save();
    }

    public String getPolicyPath() {
        return policyPath;
    }

    /** An absolute path on the controller, read at each gate call. */
    @DataBoundSetter
    public void setPolicyPath(String policyPath) {
        this.policyPath = GateStep.emptyToNull(policyPath);
        save();
    }

    /**
     * Saves the form's setting only when it loads as an organisation policy; else Jenkins shows the problem at its
     * field and keeps the previous setting.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        OrganisationSetting kept;
        try {
            kept = setting().replacedBy(new OrganisationSetting(json.optString(OrganisationSetting.TEXT_FIELD, null),
                    json.optString(OrganisationSetting.PATH_FIELD, null)));
        } catch (Refused e) {
            throw new FormException(e.getMessage(), e.field());
        }
        policyText = kept.text();
        policyPath = kept.path();
        save();
        return true;
    }

    @Override
    public String getDisplayName() {
        return Messages.get("OrganisationConfiguration.displayName");
    }
}
