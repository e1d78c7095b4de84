package io.mlgates.spark;

import java.io.PrintStream;
import java.util.Map;

/** The job's command line for tests in other packages: {@code mlgates-spark ARGS} in this JVM. */
public final class SparkJob {
    private SparkJob() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        return Main.run(args, out, err, environment);
    }
}
