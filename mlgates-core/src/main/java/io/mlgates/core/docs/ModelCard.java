package io.mlgates.core.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model card: Markdown with optional YAML front matter as Hugging Face writes it ({@code ---} lines around the
 * metadata, then Markdown), or a YAML or JSON file whose keys are the section ids. A section counts only when it
 * says something: an empty heading, an HTML comment or the template's "[More Information Needed]" do not; a section
 * that still holds the {@value #TEMPLATE_MARKER} marker of {@code mlgates init}'s templates is unfilled, and counts
 * as missing. Metric values the card declares are read from the metadata's {@code model-index} (Hugging Face's format).
 */
public final class ModelCard {
    /** The marker that {@code mlgates init}'s templates put in every section to fill in; datasheets use it too. */
    public static final String TEMPLATE_MARKER = "TODO:";
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

    private final Map<CardSection, Boolean> sections;
    private final Set<CardSection> unfilled;
    private final List<DeclaredMetric> declaredMetrics;
    private final Map<CardSection, String> texts;
    private final DeclaredModel declaredModel;

    private ModelCard(Map<CardSection, Boolean> sections, Set<CardSection> unfilled,
                      List<DeclaredMetric> declaredMetrics, Map<CardSection, String> texts,
                      DeclaredModel declaredModel) {
        this.sections = sections;
        this.unfilled = Set.copyOf(unfilled);
        this.declaredMetrics = List.copyOf(declaredMetrics);
        this.texts = Map.copyOf(texts);
        this.declaredModel = declaredModel;
    }

    /**
     * Reads a model card; {@code .yaml}, {@code .yml} and {@code .json} files are read as data, anything else as
     * Markdown.
     *
     * @throws DocumentException when it is missing, larger than 1 MiB, not UTF-8, or its metadata is malformed
     */
    public static ModelCard read(Path file, String display) throws DocumentException {
        String text = Documents.text(file, display);
        if (Documents.isJson(file) || Documents.isYaml(file)) {
            JsonNode root = Documents.isJson(file) ? Documents.json(text, display) : Documents.yaml(text, display, 1);
            if (!root.isObject()) {
                throw new DocumentException(display + ": expected a mapping of section ids to text");
            }
            Map<CardSection, Boolean> present = new EnumMap<>(CardSection.class);
            Set<CardSection> unfilled = EnumSet.noneOf(CardSection.class);
            Map<CardSection, String> texts = new EnumMap<>(CardSection.class);
            for (CardSection s : CardSection.values()) {
                boolean marked = root.path(s.id()).toString().contains(TEMPLATE_MARKER);
                present.put(s, says(root.path(s.id())) && !marked);
                if (marked) {
                    unfilled.add(s);
                } else if (present.get(s)) {
                    texts.put(s, plain(root.path(s.id())));
                }
            }
            return new ModelCard(present, unfilled, metrics(root, display), texts, DeclaredModel.of(root, display));
        }
        return markdown(text, display);
    }

    /** Parses Markdown text; for tests and callers that hold the text already. */
    static ModelCard markdown(String text, String display) throws DocumentException {
        String[] lines = text.split("\r\n|\n|\r", -1);
        int start = 0;
        JsonNode metadata = null;
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            int end = -1;
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].strip().equals("---")) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                throw new DocumentException(display + ":1: the front matter opened by '---' is never closed");
            }
            metadata = Documents.yaml(String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end)), display, 2);
            start = end + 1;
        }
        List<Heading> headings = new ArrayList<>();
        boolean inFence = false;
        for (int i = start; i < lines.length; i++) {
            if (FENCE.matcher(lines[i]).find()) {
                inFence = !inFence;
                continue;
            }
            Matcher m = HEADING.matcher(lines[i]);
            if (!inFence && m.matches()) {
                headings.add(new Heading(i, m.group(1).length(), normalise(m.group(2))));
            }
        }
        Map<CardSection, Boolean> present = new EnumMap<>(CardSection.class);
        Set<CardSection> unfilled = EnumSet.noneOf(CardSection.class);
        Map<CardSection, String> texts = new EnumMap<>(CardSection.class);
        for (CardSection s : CardSection.values()) {
            present.put(s, false);
        }
        for (int h = 0; h < headings.size(); h++) {
            Heading heading = headings.get(h);
            int end = lines.length;
            for (int k = h + 1; k < headings.size(); k++) {
                if (headings.get(k).level() <= heading.level()) {
                    end = headings.get(k).line();
                    break;
                }
            }
            StringBuilder body = new StringBuilder();
            for (int i = heading.line() + 1; i < end; i++) {
                if (!HEADING.matcher(lines[i]).matches()) {
                    body.append(lines[i]).append('\n');
                }
            }
            boolean marked = body.toString().contains(TEMPLATE_MARKER);
            boolean says = hasContent(body.toString()) && !marked;
            for (CardSection s : CardSection.values()) {
                if (s.matchesHeading(heading.text()) && says) {
                    present.put(s, true);
                    texts.merge(s, body.toString().replaceAll("(?s)<!--.*?-->", "")
                            .replace("[More Information Needed]", "").strip(), ModelCard::joined);
                } else if (s.matchesHeading(heading.text()) && marked) {
                    unfilled.add(s);
                }
            }
        }
        unfilled.removeIf(present::get);
        return new ModelCard(present, unfilled, metadata == null ? List.of() : metrics(metadata, display), texts,
                metadata == null ? DeclaredModel.NONE : DeclaredModel.of(metadata, display));
    }

    private record Heading(int line, int level, String text) {
    }

    /** Heading text in lower case, Markdown emphasis and a trailing colon removed, spaces collapsed. */
    static String normalise(String heading) {
        return heading.replaceAll("[*_`]", "").replaceAll(":$", "").replaceAll("\\s+", " ").strip()
                .toLowerCase(Locale.ROOT);
    }

    private static boolean hasContent(String body) {
        String stripped = body.replaceAll("(?s)<!--.*?-->", "")
                .replace("[More Information Needed]", "")
                .replaceAll("[\\s>*_\\-|]", "");
        return !stripped.isEmpty();
    }

    private static boolean says(JsonNode value) {
        if (value.isTextual()) {
            return hasContent(value.asText());
        }
        if (value.isContainerNode()) {
            for (JsonNode item : value) {
                if (says(item)) {
                    return true;
                }
            }
            return false;
        }
        return value.isValueNode() && !value.isNull() && !value.isMissingNode();
    }

    /** Two headings' text of one section; a subsection's text (Hugging Face's Uses / Direct Use) is in its parent's. */
    private static String joined(String first, String second) {
        return first.contains(second) ? first : second.contains(first) ? second : first + "\n\n" + second;
    }

    /** A YAML or JSON section's text: a string as it is, a list's items one a line, anything else as JSON. */
    private static String plain(JsonNode value) {
        if (value.isTextual()) {
            return value.asText().strip();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(plain(item)));
            return String.join("\n", items);
        }
        return value.toString();
    }

    /** Hugging Face's {@code model-index: [{results: [{metrics: [{type, value}]}]}]}. */
    private static List<DeclaredMetric> metrics(JsonNode root, String display) throws DocumentException {
        List<DeclaredMetric> out = new ArrayList<>();
        for (JsonNode model : root.path("model-index")) {
            for (JsonNode result : model.path("results")) {
                for (JsonNode metric : result.path("metrics")) {
                    JsonNode type = metric.path("type");
                    JsonNode value = metric.path("value");
                    if (!type.isTextual() || !value.isNumber()) {
                        throw new DocumentException(display + ": model-index metric " + metric
                                + " needs a 'type' (the metric's name) and a numeric 'value'");
                    }
                    out.add(new DeclaredMetric(type.asText(), value.decimalValue()));
                }
            }
        }
        return out;
    }

    /** Whether the card has the section with something in it, other than the template's text. */
    public boolean has(CardSection section) {
        return Objects.requireNonNull(sections.get(section));
    }

    /** Whether the card has the section only as the template left it: holding {@value #TEMPLATE_MARKER}. */
    public boolean isUnfilled(CardSection section) {
        return unfilled.contains(section);
    }

    /**
     * The text of a section that says something (not the template's), as written: Markdown below the heading, the
     * sub-headings' lines and HTML comments left out; several headings of one section joined by a blank line.
     */
    public Optional<String> text(CardSection section) {
        return Optional.ofNullable(texts.get(section));
    }

    /** The metric values the card states, in order. */
    public List<DeclaredMetric> declaredMetrics() {
        return declaredMetrics;
    }

    /** What the card states about the model under {@code model_parameters}; empty parts where it is silent. */
    public DeclaredModel declaredModel() {
        return declaredModel;
    }
}
