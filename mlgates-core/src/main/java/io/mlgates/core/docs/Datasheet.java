package io.mlgates.core.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A datasheet for a data set (Gebru et al. 2021, "Datasheets for Datasets", Communications of the ACM 64(12)): a
 * text file, Markdown by convention, that answers the questions of the paper's seven sections.
 */
public final class Datasheet {
    /** The paper's sections, as headings; "collection" and "preprocessing" match the longer titles too. */
    public static final List<String> SECTIONS = List.of("motivation", "composition", "collection",
            "preprocessing", "uses", "distribution", "maintenance");

    private final List<String> sections;
    private final boolean empty;

    private Datasheet(List<String> sections, boolean empty) {
        this.sections = List.copyOf(sections);
        this.empty = empty;
    }

    public static Datasheet read(Path file, String display) throws DocumentException {
        String text = Documents.text(file, display);
        List<String> found = new ArrayList<>();
        for (String line : text.split("\r\n|\n|\r")) {
            String stripped = line.strip();
            if (!stripped.startsWith("#")) {
                continue;
            }
            String heading = stripped.replaceFirst("^#+", "").strip().toLowerCase(Locale.ROOT);
            for (String section : SECTIONS) {
                if (heading.startsWith(section) && !found.contains(section)) {
                    found.add(section);
                }
            }
        }
        return new Datasheet(found, text.replaceAll("(?s)<!--.*?-->", "").isBlank());
    }

    /** Whether the file says nothing. */
    public boolean isEmpty() {
        return empty;
    }

    /** The paper's sections that the datasheet has no heading for. */
    public List<String> missingSections() {
        return SECTIONS.stream().filter(s -> !sections.contains(s)).toList();
    }
}
