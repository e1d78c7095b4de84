package io.mlgates.core.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A datasheet for a data set (Gebru et al. 2021, "Datasheets for Datasets", Communications of the ACM 64(12)): a
 * text file, Markdown by convention, that answers the questions of the paper's seven sections. A section whose text
 * still holds the {@value ModelCard#TEMPLATE_MARKER} marker of {@code mlgates init}'s template is unfilled, and
 * counts as missing.
 */
public final class Datasheet {
    /** The paper's sections, as headings; "collection" and "preprocessing" match the longer titles too. */
    public static final List<String> SECTIONS = List.of("motivation", "composition", "collection",
            "preprocessing", "uses", "distribution", "maintenance");

    private final List<String> sections;
    private final List<String> unfilled;
    private final boolean empty;

    private Datasheet(List<String> sections, List<String> unfilled, boolean empty) {
        this.sections = List.copyOf(sections);
        this.unfilled = List.copyOf(unfilled);
        this.empty = empty;
    }

    public static Datasheet read(Path file, String display) throws DocumentException {
        String text = Documents.text(file, display);
        List<String> found = new ArrayList<>();
        List<String> unfilled = new ArrayList<>();
        String current = null;
        for (String line : text.split("\r\n|\n|\r")) {
            String stripped = line.strip();
            if (!stripped.startsWith("#")) {
                if (current != null && line.contains(ModelCard.TEMPLATE_MARKER) && !unfilled.contains(current)) {
                    unfilled.add(current);
                }
                continue;
            }
            String heading = stripped.replaceFirst("^#+", "").strip().toLowerCase(Locale.ROOT);
            current = null;
            for (String section : SECTIONS) {
                if (heading.startsWith(section) && !found.contains(section)) {
                    found.add(section);
                    current = section;
                }
            }
        }
        found.removeAll(unfilled);
        return new Datasheet(found, unfilled, text.replaceAll("(?s)<!--.*?-->", "").isBlank());
    }

    /** Whether the file says nothing. */
    public boolean isEmpty() {
        return empty;
    }

    /** The paper's sections that the datasheet has no heading for, or only as the template left them. */
    public List<String> missingSections() {
        return SECTIONS.stream().filter(s -> !sections.contains(s)).toList();
    }

    /** The sections that still hold the template's {@value ModelCard#TEMPLATE_MARKER} text, in the paper's order. */
    public List<String> unfilledSections() {
        return SECTIONS.stream().filter(unfilled::contains).toList();
    }
}
