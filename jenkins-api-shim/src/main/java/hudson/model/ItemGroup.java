package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.ItemGroup}: a folder of items, or Jenkins itself. */
public interface ItemGroup<T extends Item> {
    /** Every item of that type in this group and the groups within it, that the current user may see. */
    default <T extends Item> Iterable<T> allItems(Class<T> type) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
