package io.mlgates.cli;

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
 */
record Environment(String userName, Map<String, String> variables, Clock clock) {
    Environment {
        Objects.requireNonNull(userName, "userName");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(clock, "clock");
    }

    static Environment system() {
        return new Environment(System.getProperty("user.name", "unknown"), System.getenv(), Clock.systemUTC());
    }

    /** {@code --as NAME} when given, else the environment's user. */
    String identity(String as) {
        return as == null || as.isBlank() ? userName : as;
    }
}
