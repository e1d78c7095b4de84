package io.mlgates.plugin.logic;

/** The build log, as the plugin's logic writes to it: whole lines. */
@FunctionalInterface
public interface StepLog {
    String PREFIX = "[ML Gates] ";

    void println(String line);

    /** A line of the plugin's own, marked as such among other steps' output. */
    default void say(String message) {
        println(PREFIX + message);
    }
}
