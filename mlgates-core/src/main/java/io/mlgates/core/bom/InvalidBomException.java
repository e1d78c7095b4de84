package io.mlgates.core.bom;

import java.util.List;

/** A BOM that the CycloneDX 1.6 schema refuses: never written. */
public final class InvalidBomException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidBomException(List<String> problems) {
        super("the ML-BOM does not validate against the CycloneDX 1.6 schema, so it was not written: "
                + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem the schema found. */
    public List<String> problems() {
        return problems;
    }
}
