package io.mlgates.core.bom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.generators.json.BomJsonGenerator;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;

/** A BOM as CycloneDX 1.6 JSON, checked against the 1.6 JSON Schema before anyone may write it. */
public final class BomJson {
    private BomJson() {
    }

    /**
     * The BOM's JSON (UTF-8, indented).
     *
     * @throws InvalidBomException when it does not validate against the CycloneDX 1.6 schema, naming each problem
     */
    public static byte[] validated(Bom bom) throws InvalidBomException {
        String json;
        try {
            json = new BomJsonGenerator(bom, Version.VERSION_16).toJsonString(true);
        } catch (GeneratorException e) {
            throw new InvalidBomException(List.of("cannot be written as JSON: " + e.getMessage()));
        }
        List<ParseException> problems;
        try {
            problems = new JsonParser().validate(json, Version.VERSION_16);
        } catch (IOException e) {
            throw new InvalidBomException(List.of("cannot be validated: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidBomException(problems.stream().map(Throwable::getMessage).toList());
        }
        return (json.endsWith("\n") ? json : json + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
