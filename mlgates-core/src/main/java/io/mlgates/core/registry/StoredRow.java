package io.mlgates.core.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * One row of the embedded registry read field by field, each field checked for the SQLite type and range that
 * mlgates writes: a NULL, a text where a number belongs, {@code 3.5} where an integer belongs, {@code 4294967297}
 * as a version, or an unparsable time is named (row and field) rather than read as something else.
 */
final class StoredRow {
    private final ResultSet rs;
    private final String where;

    /**
     * @param where how the row is named in messages: {@code audit_log entry 5}, {@code approvals row 7}
     */
    StoredRow(ResultSet rs, String where) {
        this.rs = rs;
        this.where = where;
    }

    String where() {
        return where;
    }

    String text(String column) throws SQLException, MalformedFieldException {
        Object value = rs.getObject(column);
        if (value instanceof String s) {
            return s;
        }
        throw malformed(column, "a text", value);
    }

    long integer(String column, long min, long max) throws SQLException, MalformedFieldException {
        Object value = rs.getObject(column);
        if (value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            if (v < min || v > max) {
                throw new MalformedFieldException(where, column, "expected an integer from " + min + " to " + max
                        + ", found " + v);
            }
            return v;
        }
        throw malformed(column, "an integer", value);
    }

    /** A model version number: 1 to {@link Integer#MAX_VALUE}. */
    int version(String column) throws SQLException, MalformedFieldException {
        return (int) integer(column, 1, Integer.MAX_VALUE);
    }

    /** A version number or NULL (a stage that pointed nowhere before). */
    OptionalInt optionalVersion(String column) throws SQLException, MalformedFieldException {
        return rs.getObject(column) == null ? OptionalInt.empty() : OptionalInt.of(version(column));
    }

    Instant instant(String column) throws SQLException, MalformedFieldException {
        String text = text(column);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedFieldException(where, column, "expected an ISO-8601 UTC time such as"
                    + " 2026-11-24T13:00:00Z, found '" + shorten(text) + "'");
        }
    }

    boolean flag(String column) throws SQLException, MalformedFieldException {
        return integer(column, 0, 1) == 1;
    }

    <E extends Enum<E>> E choice(String column, Class<E> type) throws SQLException, MalformedFieldException {
        String text = text(column);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        StringBuilder known = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            known.append(known.length() == 0 ? "" : ", ").append(constant.name());
        }
        throw new MalformedFieldException(where, column, "expected one of " + known + ", found '" + shorten(text)
                + "'");
    }

    private MalformedFieldException malformed(String column, String expected, Object found) {
        return new MalformedFieldException(where, column, "expected " + expected + ", found " + describe(found));
    }

    static String describe(Object found) {
        if (found == null) {
            return "NULL";
        }
        if (found instanceof String s) {
            return "the text '" + shorten(s) + "'";
        }
        if (found instanceof byte[] b) {
            return "a blob of " + b.length + " bytes";
        }
        return "the " + found.getClass().getSimpleName().toLowerCase(Locale.ROOT).replace("double", "real number")
                + " " + found;
    }

    /** Messages stay one line of reasonable length, whatever was stored. */
    static String shorten(String s) {
        String line = s.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
