package io.mlgates.core.registry;

import java.util.OptionalInt;

/** A stage moved while a promotion was judged against its earlier state: the promotion did not happen. */
public final class StageConflictException extends RegistryException {
    private static final long serialVersionUID = 1L;

    private final transient OptionalInt actual;

    public StageConflictException(String model, String stage, OptionalInt expected, OptionalInt actual) {
        super(model + " " + stage + " points to " + shown(actual) + ", not " + shown(expected)
                + " as when the promotion was judged: another promotion won; judge it again");
        this.actual = actual;
    }

    /** The version the stage points to now. */
    public OptionalInt actual() {
        return actual;
    }

    static String shown(OptionalInt version) {
        return version.isPresent() ? "version " + version.getAsInt() : "no version";
    }
}
