package io.mlgates.core.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.workspace.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A file of metric values: what a training job reports ({@code {"val_auc": 0.91}}), or a baseline. Two shapes
 * are read: a flat object of name to number, or any gate result ({@code validate.json}, {@code ethics.json}), whose
 * {@code metrics} object maps each name to {@code {"value": ...}}. A {@code null} value stands for a metric that was
 * undefined there.
 */
public final class MetricsFile {
    private static final long MAX_BYTES = 16L << 20;

    private MetricsFile() {
    }

    /**
     * A metrics file as read.
     *
     * @param values each entry is the value, or empty where the file says null
     * @param digest {@code sha256:} digest of the file's bytes, so that a result names the exact file it compared with
     */
    public record Read(Map<String, OptionalDouble> values, String digest) {
    }

    /** Reads the file. */
    public static Read read(Path path, String displayName) throws BadInputException {
        RegularFiles.requireRegular(path, displayName);
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new BadInputException(displayName, 0, 0, "larger than 16 MiB; expected a small metrics file");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new BadInputException(displayName, 0, 0, "metrics file not found");
        } catch (IOException e) {
            throw new BadInputException(displayName, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        return new Read(parse(bytes, displayName), PolicyLoader.digest(bytes));
    }

    private static Map<String, OptionalDouble> parse(byte[] bytes, String displayName) throws BadInputException {
        JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        try (JsonParser p = factory.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(displayName, p, "expected a JSON object of metric name to number");
            }
            Map<String, OptionalDouble> flat = new LinkedHashMap<>();
            // A gate result's other keys ("gate": "validate", ...) come before its metrics: a flat file's problem is
            // only one once the file turns out to have no metrics object.
            BadInputException notFlat = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("metrics".equals(name) && v == JsonToken.START_OBJECT) {
                    // An earlier gate result: take its metrics, ignore the rest.
                    Map<String, OptionalDouble> fromResult = readResultMetrics(p, displayName);
                    skipRest(p);
                    return Collections.unmodifiableMap(fromResult);
                }
                try {
                    flat.put(checkName(name, displayName, p), number(p, v, name, displayName));
                } catch (BadInputException e) {
                    notFlat = notFlat == null ? e : notFlat;
                    p.skipChildren();
                }
            }
            if (notFlat != null) {
                throw notFlat;
            }
            return Collections.unmodifiableMap(flat);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadInputException(displayName, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(displayName, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Map<String, OptionalDouble> readResultMetrics(JsonParser p, String file)
            throws IOException, BadInputException {
        Map<String, OptionalDouble> metrics = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = checkName(p.currentName(), file, p);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(file, p, "metric '" + name + "' should be an object with a \"value\"");
            }
            OptionalDouble value = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                if ("value".equals(key)) {
                    value = number(p, v, name, file);
                } else {
                    p.skipChildren();
                }
            }
            if (value == null) {
                throw error(file, p, "metric '" + name + "' has no \"value\"");
            }
            metrics.put(name, value);
        }
        return metrics;
    }

    private static void skipRest(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            p.nextToken();
            p.skipChildren();
        }
    }

    private static String checkName(String name, String file, JsonParser p) throws BadInputException {
        if (name.isBlank()) {
            throw error(file, p, "a metric name is empty");
        }
        return name;
    }

    private static OptionalDouble number(JsonParser p, JsonToken v, String name, String file)
            throws IOException, BadInputException {
        if (v == JsonToken.VALUE_NULL) {
            return OptionalDouble.empty();
        }
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error(file, p, "metric '" + name + "' should be a number or null");
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw error(file, p, "metric '" + name + "' is not a finite number");
        }
        return OptionalDouble.of(d);
    }

    private static BadInputException error(String file, JsonParser p, String message) {
        JsonLocation at = p.currentTokenLocation();
        return new BadInputException(file, at.getLineNr(), at.getColumnNr(), message);
    }
}
