package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.ItemGroup;
import java.util.List;
import org.springframework.security.core.Authentication;

/** Shim of the credentials plugin's {@code CredentialsProvider}: where Jenkins looks credentials up. */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {
    private CredentialsProvider() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /**
     * The credentials of {@code type} available in {@code itemGroup} (null: Jenkins itself, its global credentials) to
     * {@code authentication} (null: the system, {@code ACL.SYSTEM2}).
     */
    public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(Class<C> type, ItemGroup itemGroup,
                                                                              Authentication authentication) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
