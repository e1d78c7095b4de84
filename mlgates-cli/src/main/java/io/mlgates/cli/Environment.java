package io.mlgates.cli;

import io.mlgates.core.report.Disk;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from the process around them, so that tests can give their own: the user's name (the
 * identity when {@code --as} is not given), environment variables (the MLflow token) and the clock.
 *
 * @param userName the environment's user, {@code user.name}
 * @param variables environment variables
 * @param clock what time it is
 * @param disk where result files are created (a test's may be full)
 * @param folder the folder the command was started in, where the search for the policy file starts (a test's
 *     may be a repository's subfolder)
 */
record Environment(String userName, Map<String, String> variables, Clock clock, Disk disk, Path folder) {
    Environment {
        Objects.requireNonNull(userName, "userName");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(folder, "folder");
    }

    Environment(String userName, Map<String, String> variables, Clock clock, Disk disk) {
        this(userName, variables, clock, disk, Path.of(""));
    }

    Environment(String userName, Map<String, String> variables, Clock clock) {
        this(userName, variables, clock, Disk.LOCAL);
    }

    /** The same environment, started in another folder. */
    Environment in(Path otherFolder) {
        return new Environment(userName, variables, clock, disk, otherFolder);
    }

    static Environment system() {
        return new Environment(System.getProperty("user.name", "unknown"), System.getenv(), Clock.systemUTC());
    }

    /** {@code --as NAME} when given, else the environment's user. */
    String identity(String as) {
        return as == null || as.isBlank() ? userName : as;
    }
}
