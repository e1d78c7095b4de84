package io.mlgates.core.report.html;

import gg.jte.Content;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.report.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A self-contained static HTML report in one folder: {@code index.html} (a summary of each gate, and its trend when
 * there are several results), one page per gate with the latest result in full, and the stylesheet. It opens from
 * the file system: no script, no network, every link relative. Each page carries a strict Content-Security-Policy.
 */
public final class StaticReport {
    /** What the pages allow: their own stylesheet, nothing else. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:";
    public static final String INDEX = "index.html";
    public static final String STYLESHEET = "mlgates.css";

    private StaticReport() {
    }

    /**
     * Writes the report of {@code results} (any gates, any models, any number of results each) into {@code folder},
     * each file atomically, and returns the path of {@code index.html}. Results of one gate on one model form a
     * trend; the latest of them gets the gate's page.
     *
     * @throws IllegalArgumentException when there is no result
     */
    public static Path write(List<GateResult> results, Path folder) throws IOException {
        return write(results, folder, Optional.empty());
    }

    /**
     * {@link #write(List, Path)}, with what became of the candidate after these gates, for the verdict box on every
     * page; without it the box says that the report does not know.
     */
    public static Path write(List<GateResult> results, Path folder, Optional<PromotionNote> promotion)
            throws IOException {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one gate result");
        }
        Map<List<String>, List<GateResult>> byGate = new LinkedHashMap<>();
        results.stream()
                .sorted(Comparator.comparing(GateResult::gate).thenComparing(GateResult::modelName))
                .forEach(r -> byGate.computeIfAbsent(List.of(r.gate(), r.modelName()), k -> new ArrayList<>()).add(r));
        boolean oneModel = byGate.keySet().stream().map(k -> k.get(1)).distinct().count() == 1;

        List<Entry> entries = new ArrayList<>();
        Set<String> fileNames = new HashSet<>(Set.of(INDEX, STYLESHEET));
        for (List<GateResult> group : byGate.values()) {
            GateResult latest = group.stream().max(Comparator.comparing(GateResult::evaluatedAt)).orElseThrow();
            String base = slug(latest.gate()) + (oneModel ? "" : "-" + slug(latest.modelName()));
            String file = base + ".html";
            for (int n = 2; !fileNames.add(file); n++) {
                file = base + "-" + n + ".html";
            }
            entries.add(new Entry(file, latest, group));
        }

        List<Views.Link> nav = new ArrayList<>();
        nav.add(new Views.Link(INDEX, "Summary"));
        for (Entry e : entries) {
            nav.add(new Views.Link(e.file(), e.latest().gate() + (oneModel ? "" : ": " + e.latest().modelName())));
        }
        String reportTitle = "ML Gates report" + (oneModel ? ": " + entries.get(0).latest().modelName() : "");

        AtomicFiles.write(folder.resolve(STYLESHEET),
                out -> out.write(HtmlReport.stylesheet().getBytes(StandardCharsets.UTF_8)));
        for (Entry e : entries) {
            Content body = out -> {
                HtmlReport.render("gate.jte", HtmlReport.gateView(e.latest(), true, promotion), out);
                if (e.all().size() > 1) {
                    HtmlReport.render("trend.jte", HtmlReport.trendView(e.all()), out);
                }
            };
            writePage(folder.resolve(e.file()), new Views.Page(e.latest().gate() + " gate: "
                    + e.latest().modelName(), CONTENT_SECURITY_POLICY, STYLESHEET, nav, body));
        }
        Views.Verdict verdict = Verdicts.of(entries.stream().map(Entry::latest).toList(), true, true, promotion);
        Content index = out -> {
            HtmlReport.render("verdict.jte", verdict, out);
            for (Entry e : entries) {
                // the verdict box above lists the checks that did not pass; each summary gives counts and a link
                HtmlReport.render("summary.jte", HtmlReport.summaryView(e.latest(), Optional.of(e.file()), false),
                        out);
                if (e.all().size() > 1) {
                    HtmlReport.render("trend.jte", HtmlReport.trendView(e.all()), out);
                }
            }
        };
        Path indexFile = folder.resolve(INDEX);
        writePage(indexFile, new Views.Page(reportTitle, CONTENT_SECURITY_POLICY, STYLESHEET, nav, index));
        return indexFile;
    }

    private record Entry(String file, GateResult latest, List<GateResult> all) {
    }

    private static void writePage(Path file, Views.Page page) throws IOException {
        String html = HtmlReport.render("page.jte", page);
        AtomicFiles.write(file, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** A file name from a gate's or model's name, which come from result files: letters, digits and dashes only. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        s = s.length() > 40 ? s.substring(0, 40) : s;
        return s.isEmpty() ? "gate" : s;
    }
}
