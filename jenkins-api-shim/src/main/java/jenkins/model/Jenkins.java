package jenkins.model;

import hudson.security.SecurityRealm;
import hudson.model.AbstractCIBase;
import hudson.model.Item;
import java.io.File;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * Shim of jenkins-core's {@code jenkins.model.Jenkins}: the controller, and where it keeps its files; the root group of
 * items ({@link hudson.model.ItemGroup#allItems}, through {@link DirectlyModifiableTopLevelItemGroup}).
 */
public class Jenkins extends AbstractCIBase implements DirectlyModifiableTopLevelItemGroup {
    private Jenkins() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The running controller; fails when Jenkins is not started or already shut down. */
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Who the current request or thread runs as: the logged-in user with the groups the realm granted. */
    public static Authentication getAuthentication2() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The controller's URL as configured in Manage Jenkins, ending in a slash; null when not configured. */
    public String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** How users log in, and how their ids and groups are compared. */
    public SecurityRealm getSecurityRealm() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /**
     * The item of that full name ({@code folder/job}), when it exists and the current user may see it; null
     * otherwise. Denied (rather than null) where the user may discover the item but not read it.
     */
    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** {@code $JENKINS_HOME}, on the controller. */
    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
