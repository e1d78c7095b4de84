package io.mlgates.core.report.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;
import io.mlgates.core.fairness.AttributeFairness;
import io.mlgates.core.fairness.FairnessResult;
import io.mlgates.core.fairness.GroupFairness;
import io.mlgates.core.gate.BinaryReading;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Limit;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.CalibrationBin;
import io.mlgates.core.metrics.Metric;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.ScoreCurves;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.report.Format;
import io.mlgates.core.report.ShownChecks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Gate results as HTML fragments with inline SVG charts: the one renderer behind the build page summary, the gate's
 * own page, the job's trend and the command line's static report. The fragments hold no script, no inline style
 * and no {@code style} element, so a strict Content-Security-Policy ({@code default-src 'none'; style-src 'self'})
 * lets them show; their look comes from {@link #stylesheet()} alone. Every status shows its word and a shape of its
 * own, never colour alone. Every string from a result (model names, check ids, group values, messages) is escaped
 * by the template engine after control characters are replaced, and shown inside {@code <bdi>} so that
 * right-to-left text cannot reorder what surrounds it. An undefined value is shown as undefined, with its reason.
 *
 * <p>Thread-safe; the templates are compiled at build time.
 */
public final class HtmlReport {
    /** Worst checks listed in a summary; the rest are counted. */
    static final int SUMMARY_CHECKS = 5;
    /** Results shown in a trend: the latest ones. */
    public static final int TREND_RESULTS = 50;
    static final String STYLESHEET_RESOURCE = "mlgates.css";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlReport.class.getClassLoader(), HtmlReport.class.getPackageName());

    /** The build-page summary: status, counts, the worst checks. */
    public String summary(GateResult result) {
        return render("summary.jte", summaryView(result, Optional.empty(), true));
    }

    /** The summary with a link to the full result at {@code detailsHref}. */
    public String summary(GateResult result, String detailsHref) {
        return render("summary.jte", summaryView(result, Optional.of(detailsHref), true));
    }

    /**
     * The gate's own page: the verdict box (without a promotion line: this fragment is not told one); the evidence
     * (candidate and policy digests, data, how a binary model's rows became decisions); the checks to look at, then
     * the passed and skipped ones folded; the ROC, precision-recall and calibration charts; per-group charts; every
     * metric.
     */
    public String gate(GateResult result) {
        return render("gate.jte", gateView(result, false, Optional.empty()));
    }

    /** Per-group bar charts, each with its table: what the gate page shows for slices, for any source of groups. */
    public String groups(List<GroupBarChart> charts) {
        return render("groups.jte", charts.stream().map(HtmlReport::groupSection).toList());
    }

    /**
     * The trend of one gate across builds: a row per result and a chart per metric, with the latest limits drawn.
     * Results are ordered by time; only the latest {@value #TREND_RESULTS} are shown.
     *
     * @throws IllegalArgumentException for an empty list, or results of different gates or models
     */
    public String trend(List<GateResult> results) {
        return render("trend.jte", trendView(results));
    }

    /** The stylesheet every fragment is written for. */
    public static String stylesheet() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(STYLESHEET_RESOURCE)) {
            return new String(Objects.requireNonNull(in, STYLESHEET_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(String template, Object view) {
        StringOutput out = new StringOutput();
        render(template, view, out);
        return out.toString();
    }

    static void render(String template, Object view, TemplateOutput out) {
        ENGINE.render(template, view, out instanceof SafeHtmlOutput ? out : new SafeHtmlOutput(out));
    }

    static Views.Summary summaryView(GateResult r, Optional<String> href, boolean listChecks) {
        List<CheckResult> notPassed = r.checks().stream()
                .filter(c -> c.status() != Status.PASS && c.status() != Status.SKIPPED)
                .sorted(Comparator.comparing(CheckResult::status, Status.WORST_FIRST))
                .toList();
        List<Views.CheckRow> worst = notPassed.stream().limit(SUMMARY_CHECKS).map(HtmlReport::checkRow).toList();
        return new Views.Summary(r.gate(), StatusLook.of(r.status()), r.modelName(), WHEN.format(r.evaluatedAt()),
                r.candidate().digest(), counts(r), worst, notPassed.size() - worst.size(), href, listChecks);
    }

    /**
     * The gate's page. With {@code tellsPromotion} (the static report) the verdict box says what became of the
     * candidate: {@code promotion}, or that the report does not know; without it (the build page) it says nothing.
     */
    static Views.Gate gateView(GateResult r, boolean tellsPromotion, Optional<PromotionNote> promotion) {
        List<Views.Figure> figures = new ArrayList<>();
        List<Views.BinRow> bins = new ArrayList<>();
        Optional<String> curvesNote = Optional.empty();
        if (r.curves().isPresent()) {
            ScoreCurves curves = r.curves().get();
            if (curves.undefinedReason().isEmpty()) {
                figures.add(new Views.Figure(Charts.roc(curves, metric(r, Metric.ROC_AUC)), "ROC curve"));
                figures.add(new Views.Figure(Charts.precisionRecall(curves, metric(r, Metric.AVERAGE_PRECISION)),
                        "Precision-recall curve"));
            } else {
                curvesNote = Optional.of("ROC and precision-recall curves undefined: "
                        + curves.undefinedReason().get());
            }
            figures.add(new Views.Figure(Charts.calibration(curves, metric(r, Metric.ECE)), "Calibration"));
            for (CalibrationBin b : curves.calibration()) {
                bins.add(new Views.BinRow("[" + Format.number(b.low()) + ", " + Format.number(b.high()) + ")",
                        b.rows(), rate(b.meanScore()), rate(b.positiveRate())));
            }
        } else {
            curvesNote = missingCurves(r);
        }
        String dataLine = r.data().rows() + " rows" + (r.data().droppedRows() > 0
                ? ", " + r.data().droppedRows() + " dropped" : "") + "; " + r.data().task().name().toLowerCase(Locale.ROOT)
                + (r.data().classes().isEmpty() ? "" : ", classes " + String.join(", ", r.data().classes()))
                + "; " + r.data().bytes() + " bytes";
        List<Views.CheckRow> attention = ShownChecks.of(r).stream()
                .filter(c -> c.status() != Status.PASS && c.status() != Status.SKIPPED)
                .sorted(Comparator.comparing(CheckResult::status, Status.WORST_FIRST))
                .map(HtmlReport::checkRow).toList();
        List<Views.CheckRow> passed = ShownChecks.of(r).stream()
                .filter(c -> c.status() == Status.PASS)
                .map(HtmlReport::checkRow).toList();
        List<Views.CheckRow> skipped = r.checks().stream().filter(c -> c.status() == Status.SKIPPED)
                .map(HtmlReport::checkRow).toList();
        Views.Verdict verdict = Verdicts.of(List.of(r), false, tellsPromotion, promotion);
        return new Views.Gate(r.gate(), StatusLook.of(r.status()), r.modelName(), verdict, counts(r),
                r.candidate().digest(), r.candidate().artifacts(), r.candidate().describe(), r.policyDigest(), r.policyFile().orElse("no policy file: every default applies"),
                r.data().described(), dataLine, r.data().binary().map(HtmlReport::reading), r.data().dropReasons(),
                WHEN.format(r.evaluatedAt()), r.engineVersion(), attention, passed, skipped, figures, bins,
                curvesNote, GroupCharts.fromSlices(r).stream().map(HtmlReport::groupSection).toList(),
                r.fairness().map(f -> fairnessView(f, r)), waiverRows(r),
                r.metrics().values().stream().map(HtmlReport::metricRow).toList(), DataSection.of(r));
    }

    /**
     * Why a result has no curves, when its metrics say: a binary model whose score metrics are undefined gives their
     * reason (no score column, no rows). A result whose scores were read but whose gate draws no curves (the ethics
     * gate) has nothing missing to speak of.
     */
    private static Optional<String> missingCurves(GateResult r) {
        if (r.data().task() != TaskType.BINARY) {
            return Optional.empty();
        }
        MetricValue logLoss = r.metrics().get(Metric.LOG_LOSS.id());
        if (logLoss == null || logLoss.isDefined()) {
            return Optional.empty();
        }
        return Optional.of("No ROC, precision-recall or calibration chart: "
                + logLoss.undefinedReason().orElseThrow() + ".");
    }

    private static Views.Reading reading(BinaryReading b) {
        String decisions = b.predictionColumn()
                .map(col -> "the file's column '" + col + "' (the threshold " + Format.number(b.threshold())
                        + " is not applied)")
                .orElse("score >= " + Format.number(b.threshold()) + " is predicted " + b.positive());
        return new Views.Reading(b.positive() + b.negative().map(n -> " (against " + n + ")").orElse(""), decisions,
                b.favourable());
    }

    /** The per-group rates the fairness tables show, in this order. */
    static final List<String> RATES = List.of("selection_rate", "tpr", "fpr", "fnr", "ppv", "accuracy");

    static Views.Fairness fairnessView(FairnessResult fairness, GateResult r) {
        List<Views.FairnessAttribute> attributes = new ArrayList<>();
        for (AttributeFairness a : fairness.attributes().values()) {
            List<Views.FairnessGroupRow> included = new ArrayList<>();
            List<Views.SkippedGroup> skipped = new ArrayList<>();
            List<GroupBar> bars = new ArrayList<>();
            for (Map.Entry<String, GroupFairness> e : a.groups().entrySet()) {
                GroupFairness g = e.getValue();
                if (g.excluded().isPresent()) {
                    skipped.add(new Views.SkippedGroup(e.getKey(), g.count(), g.excluded().get()));
                    continue;
                }
                included.add(new Views.FairnessGroupRow(e.getKey(), g.count(),
                        RATES.stream().map(name -> cell(g.rates().get(name))).toList()));
                MetricValue selection = g.rates().get("selection_rate");
                if (selection != null) {
                    // No check judges a group's own selection rate: the disparities and the four-fifths checks
                    // (charted with their limit among the per-group charts) do. So the bar carries no status.
                    bars.add(GroupBar.unjudged(e.getKey(), selection));
                }
            }
            List<Views.GroupSection> charts = new ArrayList<>();
            if (!bars.isEmpty()) {
                charts.add(groupSection(new GroupBarChart(a.attribute(), "selection_rate", bars, Optional.empty())));
            }
            List<Views.DisparityRow> disparities = a.disparities().entrySet().stream()
                    .map(e -> new Views.DisparityRow(e.getKey(), cell(e.getValue()),
                            cell(a.judged().value(e.getKey())))).toList();
            attributes.add(new Views.FairnessAttribute(a.attribute(), a.reference().orElse(""), included, skipped,
                    disparities, charts, a.judged().groups().size()));
        }
        return new Views.Fairness(RATES, attributes);
    }

    private static Views.Cell cell(MetricValue m) {
        if (m == null) {
            return new Views.Cell("", "", "not computed");
        }
        if (!m.isDefined()) {
            return new Views.Cell("", "", m.undefinedReason().orElse("undefined"));
        }
        return new Views.Cell(Format.number(m.value().getAsDouble()), m.ci().map(Format::interval).orElse(""), "");
    }

    private static List<Views.WaiverRow> waiverRows(GateResult r) {
        return r.checks().stream().filter(c -> c.waiver().isPresent()).map(c -> {
            var w = c.waiver().get();
            return new Views.WaiverRow(c.id(), w.was().name(), w.pattern(), w.reason(), w.approver(),
                    w.expires().toString());
        }).toList();
    }

    static Views.Trend trendView(List<GateResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a trend needs at least one result");
        }
        GateResult first = results.get(0);
        for (GateResult r : results) {
            if (!r.gate().equals(first.gate()) || !r.modelName().equals(first.modelName())) {
                throw new IllegalArgumentException("a trend is of one gate on one model");
            }
        }
        List<GateResult> sorted = results.stream().sorted(Comparator.comparing(GateResult::evaluatedAt)).toList();
        List<GateResult> shown = sorted.subList(Math.max(0, sorted.size() - TREND_RESULTS), sorted.size());
        GateResult latest = shown.get(shown.size() - 1);
        List<Views.BuildRow> builds = new ArrayList<>();
        // A run is numbered by its place among every result of the trend, oldest first, so that its number does not
        // change when older ones drop out of view.
        int firstRun = sorted.size() - shown.size() + 1;
        for (int i = 0; i < shown.size(); i++) {
            GateResult r = shown.get(i);
            builds.add(new Views.BuildRow("#" + (firstRun + i), WHEN.format(r.evaluatedAt()),
                    StatusLook.of(r.status()), r.candidate().digest().substring(0, 19), countText(r)));
        }
        // Every metric of the latest result that any shown result defines, with the latest result's limit on it.
        Map<String, Optional<Limit>> metrics = new LinkedHashMap<>();
        for (String name : latest.metrics().keySet()) {
            if (shown.stream().anyMatch(r -> r.metrics().containsKey(name) && r.metrics().get(name).isDefined())) {
                metrics.put(name, latest.checks().stream()
                        .filter(c -> c.slice().isEmpty() && c.metric().equals(Optional.of(name))
                                && c.baseline().isEmpty())
                        .map(CheckResult::limit).flatMap(Optional::stream).findFirst());
            }
        }
        List<Views.Figure> charts = new ArrayList<>();
        metrics.forEach((name, limit) -> {
            List<Charts.TrendPoint> points = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                GateResult r = shown.get(i);
                MetricValue m = r.metrics().get(name);
                String run = "#" + (firstRun + i);
                String when = run + " (" + SHORT_WHEN.format(r.evaluatedAt()) + ")";
                if (m != null && m.isDefined()) {
                    points.add(new Charts.TrendPoint(run, m.value(), when + ": " + Charts.describe(m) + ", gate "
                            + r.status(), r.status()));
                } else {
                    String reason = m == null ? "not computed in this result" : m.undefinedReason().orElseThrow();
                    points.add(new Charts.TrendPoint(run, OptionalDouble.empty(), when + ": undefined: " + reason,
                            r.status()));
                }
            }
            charts.add(new Views.Figure(Charts.trend(name, points, limit), name));
        });
        return new Views.Trend(first.gate(), first.modelName(), builds, charts, sorted.size() - shown.size());
    }

    private static Views.GroupSection groupSection(GroupBarChart chart) {
        List<Views.GroupRow> rows = chart.bars().stream().map(b -> new Views.GroupRow(b.group(),
                b.value().isDefined() ? Format.number(b.value().value().getAsDouble())
                        : "undefined: " + b.value().undefinedReason().orElseThrow(),
                b.value().ci().map(Format::interval).orElse(""), b.status().map(StatusLook::of))).toList();
        return new Views.GroupSection(chart.metric() + " by " + chart.attribute()
                + chart.limit().map(l -> ", limit " + Charts.limitText(l)).orElse(""), Charts.groups(chart), rows,
                chart.bars().stream().anyMatch(b -> b.status().isPresent()));
    }

    private static Views.CheckRow checkRow(CheckResult c) {
        String observed = c.observed().isPresent() ? Format.number(c.observed().getAsDouble())
                : c.metric().isPresent() ? "undefined" : "";
        return new Views.CheckRow(StatusLook.of(c.status()), c.id(), c.metric().orElse(""), observed,
                c.ci().map(Format::interval).orElse(""), c.limit().map(Charts::limitText).orElse(""),
                c.baseline().isPresent() ? Format.number(c.baseline().getAsDouble()) : "", c.message());
    }

    private static Views.MetricRow metricRow(MetricValue m) {
        return new Views.MetricRow(m.name(), m.isDefined() ? Format.number(m.value().getAsDouble()) : "undefined",
                m.undefinedReason().orElse(""), m.ci().map(Format::interval).orElse(""),
                m.source().name().toLowerCase(Locale.ROOT));
    }

    private static List<Views.Count> counts(GateResult r) {
        List<Views.Count> counts = new ArrayList<>();
        for (Status s : Status.values()) {
            long n = ShownChecks.count(r, s);
            if (n > 0) {
                counts.add(new Views.Count(StatusLook.of(s), n));
            }
        }
        return counts;
    }

    private static String countText(GateResult r) {
        List<String> parts = new ArrayList<>();
        for (Status s : Status.values()) {
            long n = ShownChecks.count(r, s);
            if (n > 0) {
                parts.add(n + " " + s.name());
            }
        }
        return String.join(", ", parts);
    }

    private static String rate(OptionalDouble v) {
        return v.isPresent() ? Format.number(v.getAsDouble()) : "undefined: no rows in this bin";
    }

    private static Optional<MetricValue> metric(GateResult r, Metric metric) {
        return Optional.ofNullable(r.metrics().get(metric.id()));
    }
}
