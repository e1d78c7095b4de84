package io.mlgates.cli;

import io.mlgates.core.testing.FixedClock;
import java.util.Map;

/** The environment the CLI's tests run in: a fixed user, no environment variables, the tests' fixed clock. */
final class TestEnvironment {
    static final Environment FIXED = new Environment("tester", Map.of(), FixedClock.CLOCK);

    private TestEnvironment() {
    }
}
