package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Shim of the credentials plugin's {@code Credentials}: something Jenkins keeps secret for the jobs and plugins. */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
}
