package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.TopLevelItem}: an item Jenkins or a folder holds directly. */
public interface TopLevelItem extends Item {
}
