package io.mlgates.core.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** RFC 4180 CSV through Jackson's streaming CSV parser: a header row, quoted fields, a chosen delimiter. */
final class CsvRecordReader extends TextRecordReader {
    private final CsvParser csv;
    private final List<String> header = new ArrayList<>();
    /** For each field position of the file, the index in {@link #wanted}, or -1. */
    private int[] slotOfField;

    CsvRecordReader(String file, List<String> wanted, InputStream in, char delimiter) throws BadInputException {
        super(file, wanted, new CountingInputStream(in));
        try {
            csv = CsvFactory.builder().build().createParser(counted);
            parser = csv;
            csv.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter).withoutHeader());
            csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            readHeader();
        } catch (JsonProcessingException e) {
            throw csvSyntax(e);
        } catch (IOException e) {
            throw new BadInputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * A CSV syntax error. An unclosed quote runs to the end of the file, where the parser notices it: the place to
     * name is where the quoted field opened, which the parser still holds as the start of the token it was reading.
     */
    private BadInputException csvSyntax(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Missing closing quote")) {
            JsonLocation opened = parser.currentTokenLocation();
            if (opened != null && opened.getLineNr() > 0) {
                return new BadInputException(file, opened.getLineNr(), Math.max(opened.getColumnNr(), 0),
                        "unclosed quote: the quoted field that opens here has no closing quote before the end of the"
                                + " file; expected a closing \" (a quote"
                                + " inside a quoted field is written twice: \"\")", e);
            }
        }
        return syntax("CSV", e);
    }

    private void readHeader() throws IOException, BadInputException {
        // With WRAP_AS_ARRAY the whole file is one array and each row an array inside it.
        JsonToken t = parser.nextToken();
        while (t == JsonToken.START_ARRAY) {
            t = parser.nextToken();
        }
        if (t == null || t == JsonToken.END_ARRAY) {
            throw new BadInputException(file, 1, 0, "the file is empty; expected a header row naming the columns");
        }
        while (t == JsonToken.VALUE_STRING) {
            String name = parser.getText().strip();
            if (name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (header.contains(name)) {
                throw new BadInputException(file, 1, 0, "column '" + clip(name) + "' appears twice in the header");
            }
            header.add(name);
            t = parser.nextToken();
        }
        slotOfField = new int[header.size()];
        Arrays.fill(slotOfField, -1);
        for (int i = 0; i < wanted.size(); i++) {
            int field = header.indexOf(wanted.get(i));
            // The first role of a column is filled from the file, the others from it (shareRoles).
            if (field >= 0 && slotOfField[field] < 0) {
                slotOfField[field] = i;
            }
        }
    }

    @Override
    boolean hasColumn(int index) {
        return header.contains(wanted.get(index));
    }

    @Override
    List<String> availableColumns() {
        return List.copyOf(header);
    }

    @Override
    boolean next() throws BadInputException, InvalidRecordException {
        try {
            JsonToken t = parser.nextToken();
            if (t != JsonToken.START_ARRAY) {
                return false;
            }
            fields.clear();
            int field = 0;
            while ((t = parser.nextToken()) == JsonToken.VALUE_STRING) {
                if (field == 0) {
                    // The row's own start token carries the previous row's position; its first field does not.
                    line = parser.currentTokenLocation().getLineNr();
                }
                if (field < slotOfField.length && slotOfField[field] >= 0) {
                    fields.setText(slotOfField[field], parser.getText());
                }
                field++;
            }
            if (field != header.size()) {
                throw new InvalidRecordException(line, 0,
                        "expected " + header.size() + " fields as in the header, found " + field);
            }
            shareRoles();
            return true;
        } catch (JsonProcessingException e) {
            throw csvSyntax(e);
        } catch (IOException e) {
            throw new BadInputException(file, line, 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
