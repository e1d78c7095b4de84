package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.ItemGroup}: a folder of items, or Jenkins itself. */
public interface ItemGroup<T extends Item> {
}
