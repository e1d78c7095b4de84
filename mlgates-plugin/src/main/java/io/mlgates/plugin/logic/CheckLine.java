package io.mlgates.plugin.logic;

import io.mlgates.core.gate.CheckResult;
import java.io.Serializable;
import java.util.Objects;

/** One check as the build page's summary lists it: its id, status and sentence. Kept in build.xml. */
public final class CheckLine implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String status;
    private final String message;

    public CheckLine(String id, String status, String message) {
        this.id = Objects.requireNonNull(id, "id");
        this.status = Objects.requireNonNull(status, "status");
        this.message = Objects.requireNonNull(message, "message");
    }

    static CheckLine of(CheckResult check) {
        return new CheckLine(Bounds.text(check.id(), Bounds.NAME), check.status().name(),
                Bounds.text(check.message(), Bounds.MESSAGE));
    }

    public String getId() {
        return id;
    }

    public String getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }

    /** The status badge's style class: {@code mlgates-warn}... */
    public String getBadge() {
        return Badge.of(status);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckLine c && id.equals(c.id) && status.equals(c.status) && message.equals(c.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, message);
    }

    @Override
    public String toString() {
        return status + " " + id + ": " + message;
    }
}
