package io.mlgates.core.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.util.List;

/** A record reader on a Jackson streaming parser (JSON Lines; CSV with a delimiter beyond ASCII). */
abstract class TextRecordReader extends RecordReader {
    /** Set by the subclass once its parser is open. */
    JsonParser parser;
    /** The file's bytes, counted; subclasses open their parser on it. */
    final CountingInputStream counted;

    TextRecordReader(String file, List<String> wanted, CountingInputStream counted) {
        super(file, wanted);
        this.counted = counted;
    }

    @Override
    final long bytesRead() {
        return counted.count();
    }

    @Override
    final String digest() throws IOException {
        return counted.digest();
    }

    /** A syntax error of the file format, at the parser's position. */
    final BadInputException syntax(String format, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        if ((at == null || at.getLineNr() <= 0) && parser != null) {
            // Jackson's stream limits (a number too long, nesting too deep) report no place: the parser knows it.
            at = parser.currentLocation();
        }
        long l = at == null ? 0 : Math.max(at.getLineNr(), 0);
        long c = at == null ? 0 : Math.max(at.getColumnNr(), 0);
        String message = e.getOriginalMessage();
        // Jackson quotes the offending text; a huge token must not make a huge message.
        if (message != null && message.length() > 300) {
            message = message.substring(0, 297) + "...";
        }
        return new BadInputException(file, l, c, "malformed " + format + ": " + message, e);
    }

    @Override
    public final void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        counted.close();
    }
}
