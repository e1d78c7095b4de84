package io.mlgates.core.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Reading and writing an accumulator's state in the statistics contract (docs/statistics.md): exact sums as
 * {@link ExactSum.Exact} text, tallies as objects. The shapes are checked by the contract's JSON Schema first; what a
 * schema cannot say (an exact sum in canonical form, more unit rows than rows) is checked here and told with the
 * JSON pointer of the value.
 */
public final class StateJson {
    private StateJson() {
    }

    /** A value of a statistics file that the schema lets through but that does not hold. */
    public static final class StateException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String pointer;

        public StateException(String pointer, String message) {
            super(message);
            this.pointer = pointer;
        }

        /** The JSON pointer of the value. */
        public String pointer() {
            return pointer;
        }
    }

    static void exact(JsonGenerator g, String name, ExactSum.Exact value) throws IOException {
        g.writeStringField(name, value.toString());
    }

    static ExactSum.Exact exact(JsonNode parent, String name, String pointer) throws StateException {
        JsonNode node = parent.path(name);
        ExactSum.Exact value = node.isTextual() ? ExactSum.parse(node.asText()) : null;
        if (value == null) {
            throw new StateException(pointer + "/" + name, "expected an exact sum such as \"0\" or \"0x1bp-4\""
                    + " (an odd hexadecimal mantissa, 'p', a binary exponent), got " + node);
        }
        return value;
    }

    static void tally(JsonGenerator g, String name, WeightTally t) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("rows", t.rows());
        g.writeNumberField("unitRows", t.unitRows());
        exact(g, "otherWeight", t.otherWeight());
        exact(g, "otherSquaredWeight", t.otherSquaredWeight());
        g.writeEndObject();
    }

    static void tally(JsonNode parent, String name, String pointer, WeightTally into) throws StateException {
        String at = pointer + "/" + name;
        JsonNode node = parent.path(name);
        long rows = count(node, "rows", at);
        long unitRows = count(node, "unitRows", at);
        if (unitRows > rows) {
            throw new StateException(at + "/unitRows", "expected at most rows (" + rows + ") unit rows, got "
                    + unitRows);
        }
        ExactSum.Exact weight = exact(node, "otherWeight", at);
        ExactSum.Exact squared = exact(node, "otherSquaredWeight", at);
        if (weight.signum() < 0 || squared.signum() < 0) {
            throw new StateException(at, "expected sums of weights of 0 or more, got a negative one");
        }
        if (rows == unitRows && (weight.signum() != 0 || squared.signum() != 0)) {
            throw new StateException(at, "expected no other weight where every row has weight 1");
        }
        into.add(rows, unitRows, weight, squared);
    }

    public static long count(JsonNode parent, String name, String pointer) throws StateException {
        JsonNode node = parent.path(name);
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
            throw new StateException(pointer + "/" + name, "expected a count of 0 or more, got " + node);
        }
        return node.asLong();
    }

    public static boolean flag(JsonNode parent, String name, String pointer) throws StateException {
        JsonNode node = parent.path(name);
        if (!node.isBoolean()) {
            throw new StateException(pointer + "/" + name, "expected true or false, got " + node);
        }
        return node.asBoolean();
    }
}
