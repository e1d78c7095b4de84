package io.mlgates.plugin.logic;

import java.util.Objects;

/**
 * Why a setting submitted in Manage Jenkins is not saved: the problem, with its file, line and column where it has
 * them, and the form field it concerns, where Jenkins shows it.
 */
public final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    Refused(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The form field the problem concerns. */
    public String field() {
        return field;
    }
}
