package io.mlgates.core.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON Lines: one JSON object a line. The first record decides which optional columns the file has; a later
 * record without one of them is an invalid row, and a later record with a wanted column the first lacks is bad input
 * at its line (it would otherwise be ignored in silence: a weight column that starts at line 2 would weigh nothing).
 * A key twice in one record is bad input too (which value counts would be a guess). A JSON syntax error stops the
 * read: past it, nothing can be trusted to be where it seems.
 */
final class JsonLinesRecordReader extends TextRecordReader {
    private final Set<String> firstKeys = new LinkedHashSet<>();
    /** The keys of the record being read; cleared per record, so its table is reused. */
    private final Set<String> recordKeys = new HashSet<>();
    private boolean first = true;
    private boolean pending;

    JsonLinesRecordReader(String file, List<String> wanted, InputStream in) throws BadInputException {
        super(file, wanted, new CountingInputStream(in));
        try {
            parser = JsonFactory.builder().build().createParser(counted);
            // Read the first record now, so that hasColumn() can answer before next().
            pending = readRecord();
        } catch (JsonProcessingException e) {
            throw syntax("JSON", e);
        } catch (IOException e) {
            throw new BadInputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        } catch (InvalidRecordException e) {
            throw new BadInputException(file, e.line, e.column, e.getMessage());
        }
        if (!pending) {
            throw new BadInputException(file, 1, 0, "the file holds no record; expected one JSON object a line");
        }
    }

    private boolean readRecord() throws IOException, BadInputException, InvalidRecordException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            return false;
        }
        JsonLocation start = parser.currentTokenLocation();
        line = start.getLineNr();
        if (t != JsonToken.START_OBJECT) {
            throw new BadInputException(file, line, start.getColumnNr(),
                    "expected a JSON object, found " + describe(t));
        }
        fields.clear();
        InvalidRecordException invalid = null;
        recordKeys.clear();
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (!recordKeys.add(key)) {
                JsonLocation at = parser.currentTokenLocation();
                throw new BadInputException(file, at.getLineNr(), at.getColumnNr(), "key '" + clip(key)
                        + "' appears twice in this record; expected each column once");
            }
            if (first) {
                firstKeys.add(key);
            }
            JsonToken v = parser.nextToken();
            int slot = wanted.indexOf(key);
            if (slot < 0) {
                parser.skipChildren();
                continue;
            }
            if (!first && !firstKeys.contains(key)) {
                JsonLocation at = parser.currentTokenLocation();
                throw new BadInputException(file, at.getLineNr(), at.getColumnNr(), "column '" + clip(key)
                        + "' first appears here, after the first record, which decides the columns the file has"
                        + " (it has: " + shownColumns(List.copyOf(firstKeys)) + "); give every record the column,"
                        + " null where it has no value");
            }
            switch (v) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                        fields.setText(slot, parser.getText());
                case VALUE_NULL -> fields.setText(slot, "");
                default -> {
                    JsonLocation at = parser.currentTokenLocation();
                    invalid = new InvalidRecordException(at.getLineNr(), at.getColumnNr(),
                            "field '" + clip(key) + "' holds " + describe(v) + "; expected a string or a number");
                    parser.skipChildren();
                }
            }
        }
        first = false;
        if (invalid != null) {
            throw invalid;
        }
        shareRoles();
        return true;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    @Override
    boolean hasColumn(int index) {
        return firstKeys.contains(wanted.get(index));
    }

    @Override
    List<String> availableColumns() {
        return List.copyOf(firstKeys);
    }

    @Override
    boolean next() throws BadInputException, InvalidRecordException {
        if (pending) {
            pending = false;
            return true;
        }
        try {
            return readRecord();
        } catch (JsonProcessingException e) {
            throw syntax("JSON", e);
        } catch (IOException e) {
            throw new BadInputException(file, line, 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
