package io.mlgates.core.report.html;

import gg.jte.Content;
import java.util.List;
import java.util.Objects;

/**
 * The evidence pack's {@code index.html}: which file answers which item of a regulation or framework, rendered by the
 * report's templates, so that every string from users' files (model names, group values, file names) is escaped as the
 * report's are. The pack links the report's stylesheet; the page has no script.
 */
public final class EvidenceIndexPage {
    private EvidenceIndexPage() {
    }

    /**
     * The page's content.
     *
     * @param stylesheet the report's stylesheet, relative to the page
     * @param nav the pack's other entry points (the report, the index's JSON, the BOM)
     */
    public record Index(String title, String model, String candidate, String writtenAt, String engineVersion,
                        Link manifest, String signature, List<Verdict> verdicts, List<Framework> frameworks,
                        List<File> files, String stylesheet, List<Link> nav) {
        public Index {
            Objects.requireNonNull(title, "title");
            verdicts = List.copyOf(verdicts);
            frameworks = List.copyOf(frameworks);
            files = List.copyOf(files);
            nav = List.copyOf(nav);
        }
    }

    public record Verdict(String gate, String status, String judged, Link file) {
    }

    /** A regulation or framework, its items and what the pack does not answer. */
    public record Framework(String title, String note, List<Item> items, String notCovered) {
        public Framework {
            items = List.copyOf(items);
        }
    }

    public record Item(String id, String asks, List<Evidence> evidence) {
        public Item {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * One kind of evidence for an item: the files that hold it, or, when there are none, why it is absent.
     */
    public record Evidence(String what, List<Link> files, String absent) {
        public Evidence {
            files = List.copyOf(files);
        }
    }

    public record File(Link path, String role) {
    }

    /** A link: {@code href} percent-encoded where a file's name needs it, {@code text} the name as it is. */
    public record Link(String href, String text) {
    }

    /** The whole page. */
    public static String render(Index index) {
        Content body = out -> HtmlReport.render("evidence-index.jte", index, out);
        return HtmlReport.render("page.jte", new Views.Page(index.title(), StaticReport.CONTENT_SECURITY_POLICY,
                index.stylesheet(), index.nav().stream().map(l -> new Views.Link(l.href(), l.text())).toList(),
                body));
    }
}
