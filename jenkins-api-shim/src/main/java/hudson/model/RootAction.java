package hudson.model;

import hudson.ExtensionPoint;

/** Shim of jenkins-core's {@code hudson.model.RootAction}: an action of the whole controller, at {@code /<urlName>/}. */
public interface RootAction extends Action, ExtensionPoint {
}
