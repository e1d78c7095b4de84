package io.mlgates.core.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mlgates.core.workspace.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/** Reads documentation files as untrusted input: bounded in size, strict UTF-8, YAML without custom types. */
final class Documents {
    /** Largest documentation file read. */
    static final int MAX_BYTES = 1 << 20;

    // Decimals keep their trailing zeros: 0.80 states a rounding that 0.8 does not.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final ObjectMapper YAML;

    static {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(50);
        YAML = YAMLMapper.builder(YAMLFactory.builder().loaderOptions(options).build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    }

    private Documents() {
    }

    static String text(Path file, String display) throws DocumentException {
        Optional<String> notRegular = RegularFiles.notRegular(file);
        if (notRegular.isPresent()) {
            throw new DocumentException(display + ": " + notRegular.get());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new DocumentException(display + ": not found");
        } catch (IOException e) {
            throw new DocumentException(display + ": cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new DocumentException(display + ": larger than 1 MiB, the most a documentation file may have");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new DocumentException(display + ": not valid UTF-8 text", e);
        }
    }

    /** A YAML document; numbers with a fraction keep their decimals as written. */
    static JsonNode yaml(String text, String display, int firstLine) throws DocumentException {
        return parse(YAML, text, display, firstLine, "YAML");
    }

    static JsonNode json(String text, String display) throws DocumentException {
        return parse(JSON, text, display, 1, "JSON");
    }

    private static JsonNode parse(ObjectMapper mapper, String text, String display, int firstLine, String format)
            throws DocumentException {
        try {
            JsonNode node = mapper.readTree(text);
            return node == null ? mapper.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String where = line > 0 ? display + ":" + (line + firstLine - 1) : display;
            throw new DocumentException(where + ": not valid " + format + ": " + e.getOriginalMessage()
                    .replaceAll("\\s+", " ").strip(), e);
        } catch (RuntimeException e) {
            // SnakeYAML's own limits (aliases, nesting) surface as unchecked exceptions
            throw new DocumentException(display + ": not valid " + format + ": " + e.getMessage(), e);
        }
    }

    /** A file name that says JSON. */
    static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
