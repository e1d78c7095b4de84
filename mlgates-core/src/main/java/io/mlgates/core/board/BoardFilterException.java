package io.mlgates.core.board;

import java.util.Objects;

/** A board filter's parameter that cannot be read: the message names the parameter and the values it accepts. */
public final class BoardFilterException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    public BoardFilterException(String parameter, String message) {
        super(message);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
    }

    /** The parameter at fault: {@code team}, {@code stage}, {@code status} or {@code train}. */
    public String parameter() {
        return parameter;
    }
}
