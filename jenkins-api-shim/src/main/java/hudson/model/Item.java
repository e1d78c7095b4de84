package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/**
 * Shim of jenkins-core's {@code hudson.model.Item}: a job or a folder, named by {@link ItemGroup}'s type; and its
 * permissions.
 */
public interface Item extends AccessControlled {
    /** Seeing the item and its builds. */
    Permission READ = null;

    /** The name that identifies the item among all: {@code folder/job}. */
    String getFullName();

    /** The item's page relative to Jenkins' root URL, ending in a slash: {@code job/folder/job/job/}. */
    String getUrl();
}
