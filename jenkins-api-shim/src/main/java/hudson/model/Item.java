package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.Item}: a job or a folder. Named here by {@link ItemGroup}'s type. */
public interface Item {
}
