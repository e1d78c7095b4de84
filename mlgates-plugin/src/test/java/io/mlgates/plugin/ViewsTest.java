package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.DataSummary;
import io.mlgates.core.gate.Evidence;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Limit;
import io.mlgates.core.gate.SeenChainHead;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.TrendView;
import io.mlgates.plugin.logic.board.BoardScreen;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Jelly views, checked without a Jenkins to render them: well-formed, escaping every expression by default, free
 * of what a Content-Security-Policy blocks, and naming only properties their objects have. The one raw output is the
 * core renderer's fragments of a result, tested here with hostile text. The Snippet Generator's form has a field and
 * a help file for each argument.
 */
class ViewsTest {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final String SUMMARY_OUT = "<j:out value=\"${it.summaryHtml}\"/>";
    private static final String PAGE_OUT = "<j:out value=\"${it.pageHtml}\"/>";
    /** The release-train board's fragment, made for the request ({@code board} is {@code it.board(request2)}). */
    private static final String BOARD_OUT = "<j:out value=\"${board.pageHtml}\"/>";
    private static final String REPORT_CSS = "href=\"${resURL}/plugin/ml-gates/css/ml-gates-report.css\"";
    private static final Pattern CHAIN = Pattern.compile("\\b([a-z][A-Za-z]*)((?:\\.[A-Za-z]+)+)(\\()?");

    private static Path resources() throws URISyntaxException {
        return Path.of(ViewsTest.class.getResource("/index.jelly").toURI()).getParent();
    }

    private static List<Path> views() throws Exception {
        try (Stream<Path> files = Files.walk(resources())) {
            return files.filter(f -> f.toString().endsWith(".jelly")).sorted().toList();
        }
    }

    @Test
    void everyViewIsWellFormedAndEscapesByDefault() throws Exception {
        List<Path> views = views();
        assertThat(views).hasSizeGreaterThanOrEqualTo(8);
        for (Path view : views) {
            String text = Files.readString(view, StandardCharsets.UTF_8);
            assertThat(text).as(view.toString()).startsWith("<?jelly escape-by-default='true'?>");
            parse(view);
        }
    }

    @Test
    void noViewWritesUnescapedTextOrWhatAContentSecurityPolicyBlocks() throws Exception {
        for (Path view : views()) {
            // The one raw output: the core renderer's fragments, which it has escaped (tested below).
            String text = Files.readString(view, StandardCharsets.UTF_8).replace(SUMMARY_OUT, "").replace(PAGE_OUT, "")
                    .replace(BOARD_OUT, "");
            assertThat(text).as(view.toString()).doesNotContain("<j:out", "escape-by-default='false'", "<script",
                    " style=", "javascript:").doesNotContainPattern(" on[a-z]+=");
        }
    }

    @Test
    void theResultViewsEmbedTheRenderersFragmentsWithItsStylesheet() throws Exception {
        String summary = Files.readString(resources().resolve("io/mlgates/plugin/GateResultAction/summary.jelly"));
        String page = Files.readString(resources().resolve("io/mlgates/plugin/GateResultAction/index.jelly"));
        // inside an element of class mlgates, within which the renderer's stylesheet draws the fragments' boxes
        assertThat(summary).contains("<div class=\"mlgates\">" + SUMMARY_OUT + "</div>");
        assertThat(page).contains("<div class=\"mlgates\">" + PAGE_OUT + "</div>");
        assertThat(summary).containsOnlyOnce(SUMMARY_OUT).doesNotContain(PAGE_OUT).contains(REPORT_CSS);
        assertThat(page).containsOnlyOnce(PAGE_OUT).doesNotContain(SUMMARY_OUT).contains(REPORT_CSS);
    }

    @Test
    void viewsNameOnlyPropertiesTheirObjectsHave() throws Exception {
        List<String> problems = new ArrayList<>();
        check("GateResultAction/summary.jelly", Map.of("it", GateResultAction.class), problems);
        check("GateResultAction/index.jelly", Map.of("it", GateResultAction.class), problems);
        check("GateResultsAction/index.jelly", Map.of("it", GateResultsAction.class), problems);
        check("GateTrendAction/floatingBox.jelly", Map.of("from", GateTrendAction.class), problems);
        check("GateTrendAction/index.jelly", Map.of("it", GateTrendAction.class), problems);
        check("GateTrendAction/series.jelly", Map.of("series", TrendView.Series.class), problems);
        check("PromotionsAction/index.jelly", Map.of("it", PromotionsAction.class), problems);
        check("PromotionsAction/summary.jelly", Map.of("it", PromotionsAction.class), problems);
        check("PromotionPage/index.jelly", Map.of("it", PromotionPage.class), problems);
        check("PromotedBadge/badge.jelly", Map.of("it", PromotedBadge.class), problems);
        check("ModelStagesAction/floatingBox.jelly", Map.of("from", ModelStagesAction.class), problems);
        check("BoardAction/index.jelly", Map.of("it", BoardAction.class, "board", BoardScreen.class), problems);
        check("TrainPage/index.jelly", Map.of("it", TrainPage.class), problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyArgumentOfEachStepHasAFieldAndAHelpFile() throws Exception {
        for (Class<?> step : List.of(MlValidateStep.class, MlEthicsGateStep.class)) {
            String name = step.getSimpleName();
            String form = Files.readString(resources().resolve("io/mlgates/plugin/" + name + "/config.jelly"))
                    + Files.readString(resources().resolve("io/mlgates/plugin/GateStep/options.jelly"));
            for (Method setter : step.getMethods()) {
                if (!setter.isAnnotationPresent(DataBoundSetter.class)) {
                    continue;
                }
                String field = Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4);
                assertThat(form).as(name + ": a form field for " + field).contains("field=\"" + field + "\"");
                String declaring = setter.getDeclaringClass().getSimpleName();
                assertThat(resources().resolve("io/mlgates/plugin/" + declaring + "/help-" + field + ".html"))
                        .as("help for " + field + " beside " + declaring).isRegularFile();
            }
            assertThat(resources().resolve("io/mlgates/plugin/" + name + "/help.html")).isRegularFile()
                    .content().as("the restart behaviour and how to retry").contains("not run again",
                            "retry(count: 2, conditions: [nonresumable()])");
        }
    }

    @Test
    void mlPromoteHasAFieldAndAHelpFileForTheStageAndEveryOption() throws Exception {
        String folder = "io/mlgates/plugin/MlPromoteStep/";
        String form = Files.readString(resources().resolve(folder + "config.jelly"));
        List<String> fields = new ArrayList<>(List.of("to"));
        for (Method setter : MlPromoteStep.class.getMethods()) {
            if (setter.isAnnotationPresent(DataBoundSetter.class)) {
                fields.add(Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4));
            }
        }
        assertThat(fields).contains("to", "author", "emergency", "source", "failOnError", "id");
        for (String field : fields) {
            assertThat(form).as("a form field for " + field).contains("field=\"" + field + "\"");
            assertThat(resources().resolve(folder + "help-" + field + ".html")).as("help for " + field)
                    .isRegularFile();
        }
        assertThat(resources().resolve(folder + "help.html")).content().contains("outside <code>node</code>");
    }

    @Test
    void theDecisionFormsArePostFormsThatNeedAReason() throws Exception {
        String page = Files.readString(resources().resolve("io/mlgates/plugin/PromotionPage/index.jelly"));
        Document doc = parse(resources().resolve("io/mlgates/plugin/PromotionPage/index.jelly"));
        NodeList forms = doc.getElementsByTagNameNS("/lib/form", "form");
        assertThat(forms.getLength()).isEqualTo(2);
        for (int i = 0; i < forms.getLength(); i++) {
            Element form = (Element) forms.item(i);
            assertThat(form.getAttribute("method")).isEqualTo("post");
            assertThat(form.getElementsByTagNameNS("/lib/form", "textarea").getLength()).isEqualTo(1);
        }
        assertThat(page).contains("action=\"approve\"", "action=\"reject\"", "<l:run-subpage>");
    }

    @Test
    void eachManageJenkinsSectionHasAFieldAndHelpPerSetter() throws Exception {
        for (Class<?> section : List.of(OrganisationConfiguration.class, TeamRegistryConfiguration.class)) {
            String folder = "io/mlgates/plugin/" + section.getSimpleName() + "/";
            String form = Files.readString(resources().resolve(folder + "config.jelly"));
            int setters = 0;
            for (Method setter : section.getMethods()) {
                if (!setter.isAnnotationPresent(DataBoundSetter.class)) {
                    continue;
                }
                setters++;
                String field = Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4);
                assertThat(form).as(section.getSimpleName()).contains("field=\"" + field + "\"");
                assertThat(resources().resolve(folder + "help-" + field + ".html")).isRegularFile();
            }
            assertThat(setters).as(section.getSimpleName()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theSigningSectionHasItsFieldAndHelp() throws Exception {
        String folder = "io/mlgates/plugin/SigningConfiguration/";
        assertThat(Files.readString(resources().resolve(folder + "config.jelly")))
                .contains("field=\"" + SigningConfiguration.CREDENTIALS_FIELD + "\"");
        assertThat(resources().resolve(folder + "help-" + SigningConfiguration.CREDENTIALS_FIELD + ".html"))
                .isRegularFile();
        assertThat(SigningConfiguration.class.getMethod("setCredentialsId", String.class)
                .isAnnotationPresent(DataBoundSetter.class)).isTrue();
    }

    /**
     * The links to a signed attestation: shown only when build.xml names one, a fixed relative address (never built
     * from a value), and the key's id as text, which the view's escape-by-default escapes (no j:out near it).
     */
    @Test
    void theAttestationLinksAreFixedAddressesWithTheKeyIdAsEscapedText() throws Exception {
        for (String page : List.of("GateResultAction/index.jelly", "PromotionPage/index.jelly")) {
            Path view = resources().resolve("io/mlgates/plugin/" + page);
            Document doc = parse(view);
            NodeList ifs = doc.getElementsByTagNameNS("jelly:core", "if");
            Element shown = null;
            for (int i = 0; i < ifs.getLength(); i++) {
                Element e = (Element) ifs.item(i);
                if (e.getAttribute("test").equals("${it.attestation != null}")) {
                    shown = e;
                }
            }
            assertThat(shown).as(page + ": the link only when an attestation is kept").isNotNull();
            NodeList links = shown.getElementsByTagName("a");
            assertThat(links.getLength()).as(page).isEqualTo(1);
            Element link = (Element) links.item(0);
            assertThat(link.getAttributes().getLength()).as(page + ": href only").isEqualTo(1);
            assertThat(link.getAttribute("href")).isEqualTo("attestation");
            assertThat(shown.getTextContent()).contains("${it.attestation.keyId}");
            NodeList codes = shown.getElementsByTagName("code");
            assertThat(codes.getLength()).isEqualTo(1);
            assertThat(codes.item(0).getTextContent()).isEqualTo("${it.attestation.keyId}");
            assertThat(Files.readString(view)).startsWith("<?jelly escape-by-default='true'?>");
            assertThat(shown.getElementsByTagNameNS("jelly:core", "out").getLength()).isZero();
        }
    }

    @Test
    void everyStaticFileTheViewsAndIconsNameIsServedFromThePlugin() throws Exception {
        Pattern served = Pattern.compile("/plugin/ml-gates/([\\w./-]+)");
        List<String> named = new ArrayList<>();
        for (Path view : views()) {
            served.matcher(Files.readString(view)).results().forEach(m -> named.add(m.group(1)));
        }

        assertThat(named).contains("css/ml-gates.css", "css/ml-gates-report.css");
        for (String file : named) {
            if (file.equals("css/ml-gates-report.css")) {
                continue; // the build takes it from the core (HpiPackagingIT checks it is in the .hpi)
            }
            assertThat(Path.of("src/main/webapp", file)).as("src/main/webapp goes to the .hpi's root").isRegularFile();
        }
    }

    @Test
    void stylesheetsAreLinkedOnceThroughTheResourceUrl() throws Exception {
        Pattern link = Pattern.compile("<link [^>]*>");
        for (Path view : views()) {
            String text = Files.readString(view);
            assertThat(text).as(view.toString()).doesNotContain("${rootURL}/plugin/");
            // each link sits in the view's one st:once, so a build with five results links each stylesheet once
            String outside = text.replaceAll("(?s)<st:once>.*?</st:once>", "");
            assertThat(link.matcher(outside).find()).as(view + ": a link outside st:once").isFalse();
            link.matcher(text).results().forEach(m -> assertThat(m.group()).contains("href=\"${resURL}/plugin/"));
        }
    }

    @Test
    void theBoardPagesAreControllerPagesThatWriteOnlyTheRenderersFragment() throws Exception {
        String board = Files.readString(resources().resolve("io/mlgates/plugin/BoardAction/index.jelly"));
        String train = Files.readString(resources().resolve("io/mlgates/plugin/TrainPage/index.jelly"));

        assertThat(board).contains("<l:layout", "<j:set var=\"board\" value=\"${it.board(request2)}\"/>",
                "<div class=\"mlgates\">" + BOARD_OUT + "</div>").containsOnlyOnce("<j:out");
        assertThat(train).contains("<l:layout", "<div class=\"mlgates\">" + PAGE_OUT + "</div>")
                .containsOnlyOnce("<j:out");
        assertThat(board + train).doesNotContain("<l:run-subpage>", "<form");
    }

    @Test
    void theIconIsASymbolInTheThemesColour() throws Exception {
        assertThat(Icons.GATE).isEqualTo("symbol-ml-gates plugin-ml-gates");
        String svg = Files.readString(resources().resolve("images/symbols/ml-gates.svg"));
        assertThat(svg).contains("currentColor").doesNotContainPattern("(fill|stroke)=\"#");
        parse(resources().resolve("images/symbols/ml-gates.svg"));
    }

    @Test
    void resultPagesAreSubpagesOfTheirBuildAndTheTrendPageHasTheJobsPanel() throws Exception {
        for (String page : List.of("GateResultAction/index.jelly", "GateResultsAction/index.jelly")) {
            assertThat(Files.readString(resources().resolve("io/mlgates/plugin/" + page))).as(page)
                    .contains("<l:run-subpage>").doesNotContain("<l:layout");
        }
        assertThat(Files.readString(resources().resolve("io/mlgates/plugin/GateTrendAction/index.jelly")))
                .contains("<st:include it=\"${it.job}\" page=\"sidepanel.jelly\"/>");
    }

    private static Document parse(Path view) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = Files.newInputStream(view)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    /** Resolves each {@code var.property.property} chain of a view through getters, given the types of its roots. */
    private static void check(String name, Map<String, Class<?>> roots, List<String> problems) throws Exception {
        Path view = resources().resolve("io/mlgates/plugin/" + name);
        Map<String, Type> vars = new HashMap<>(roots);
        Document doc = parse(view);
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String value = e.hasAttribute("items") ? e.getAttribute("items") : e.getAttribute("value");
            if (e.getLocalName().equals("forEach") || e.getLocalName().equals("set")) {
                Matcher m = EXPRESSION.matcher(value);
                // a method call's result (it.board(request2)) is typed by the caller's roots
                if (m.matches() && !m.group(1).contains("(")) {
                    Type type = resolve(m.group(1).trim(), vars, name, problems);
                    if (type != null) {
                        vars.put(e.getAttribute("var"), e.getLocalName().equals("forEach") ? element(type) : type);
                    }
                }
            }
        }
        Matcher expressions = EXPRESSION.matcher(Files.readString(view));
        while (expressions.find()) {
            Matcher chain = CHAIN.matcher(expressions.group(1));
            while (chain.find()) {
                if (vars.containsKey(chain.group(1)) && chain.group(3) == null) {
                    resolve(chain.group(1) + chain.group(2), vars, name, problems);
                }
            }
        }
    }

    private static Type resolve(String chain, Map<String, Type> vars, String view, List<String> problems) {
        String[] parts = chain.split("\\.");
        Type type = vars.get(parts[0]);
        for (int i = 1; i < parts.length && type != null; i++) {
            Class<?> c = raw(type);
            Method getter = getter(c, parts[i]);
            if (getter == null) {
                problems.add(view + ": " + c.getSimpleName() + " has no property '" + parts[i] + "' (" + chain + ")");
                return null;
            }
            type = getter.getGenericReturnType();
        }
        return type;
    }

    private static Method getter(Class<?> c, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String prefix : new String[] {"get", "is"}) {
            try {
                return c.getMethod(prefix + suffix);
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type element(Type listType) {
        return listType instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    @TempDir
    Path buildDir;

    // The fragments the views embed raw, made by the core's renderer from a result whose every string is hostile:
    // markup, quotes, control characters, right-to-left overrides and very long names, as a model card, a policy or a
    // group column could hold them. Parsed as a browser would (jsoup), and every inline SVG as XML, which is stricter.

    static final String MARKUP = "<script>alert('x')</script><img src=x onerror=alert(1)>"
            + "\"><svg onload=alert(2)> & 'q' </bdi></section>";
    static final String CONTROLS = "bell\u0007 esc\u001b[31m nul\u0000 del\u007f c1\u0085";
    static final String RTL = "\u202Egnp.exe\u202C \u2067isolate";
    static final String LONG = "m".repeat(5_000);

    /** A validate result in which every string a person or a data file controls is hostile. */
    static GateResult hostile() {
        String group = "grp=" + MARKUP + RTL;
        List<CheckResult> checks = new ArrayList<>();
        checks.add(new CheckResult("limit:" + MARKUP, Status.FAIL, Optional.of("accuracy"), OptionalDouble.of(0.4),
                Optional.empty(), Optional.of(new Limit(Limit.Comparison.AT_LEAST, 0.5, Limit.Judged.ESTIMATE)),
                OptionalDouble.empty(), Optional.empty(), "model card says: " + MARKUP + CONTROLS + RTL));
        checks.add(new CheckResult("slice:" + group + ":recall:min", Status.WARN, Optional.of("recall"),
                OptionalDouble.of(0.6), Optional.empty(),
                Optional.of(new Limit(Limit.Comparison.AT_LEAST, 0.7, Limit.Judged.ESTIMATE)), OptionalDouble.empty(),
                Optional.of(group), "recall of " + group));
        checks.add(new CheckResult("slice:grp=" + LONG + ":recall:min", Status.PASS, Optional.of("recall"),
                OptionalDouble.of(0.9), Optional.empty(),
                Optional.of(new Limit(Limit.Comparison.AT_LEAST, 0.7, Limit.Judged.ESTIMATE)), OptionalDouble.empty(),
                Optional.of("grp=" + LONG), "recall of a long group"));
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", MetricValue.of("accuracy", 0.4));
        metrics.put("roc_auc", MetricValue.undefined("roc_auc", "reason " + MARKUP + CONTROLS));
        return new GateResult("validate", Status.FAIL, MARKUP + CONTROLS + RTL + LONG,
                new Candidate("sha256:" + "ab".repeat(32), "model/" + MARKUP, 1, 7), "sha256:" + "cd".repeat(32),
                Optional.of("policy " + MARKUP + ".yaml"), Optional.empty(),
                new DataSummary("eval/" + MARKUP + RTL + ".csv", TaskType.BINARY, List.of("0", MARKUP), 20, 1,
                        List.of("line 3: " + MARKUP + CONTROLS), 0, List.of(), 300),
                metrics, checks, Optional.empty(), Instant.parse("2026-11-26T12:00:00Z"), "test " + MARKUP,
                Optional.empty(),
                        new Evidence(List.of(), SeenChainHead.none(".mlgates/registry.db", "not read"), Map.of()));
    }

    private GateResultAction action(GateResult result) throws Exception {
        GateResultAction action = new GateResultAction(ResultSummary.of("h", result, 0, List.of()));
        Path file = GateResultAction.resultFile(buildDir.toFile(), "h");
        Files.createDirectories(file.getParent());
        Files.writeString(file, new GateResultJson().toJson(result));
        action.locate(buildDir.toFile());
        return action;
    }

    @Test
    void theSummaryAndThePageShowHostileTextAsTextAndNothingElse() throws Exception {
        GateResultAction action = action(hostile());
        assertThat(action.getLoadProblem()).isNull();
        for (String html : List.of(action.getSummaryHtml(), action.getPageHtml())) {
            org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
            assertThat(doc.select("script, img, iframe, object, embed, style, link, meta, form, base")).isEmpty();
            for (org.jsoup.nodes.Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey()).as("attribute of <%s>", e.tagName()).doesNotStartWith("on")
                            .isNotEqualTo("style");
                    assertThat(a.getValue()).doesNotContainIgnoringCase("javascript:");
                }
            }
            // The markup shows as the text it is, once escaped (not twice, which would show &lt;).
            assertThat(doc.body().text()).contains("<script>alert('x')</script><img src=x onerror=alert(1)>")
                    .doesNotContain("&lt;", "&amp;");
            // Control characters are replaced; none reaches the page.
            assertThat(html).doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
            // A right-to-left override stays inside the <bdi> of its string, so it cannot reorder what surrounds it.
            assertThat(doc.getElementsContainingOwnText("\u202E")).isNotEmpty();
            for (org.jsoup.nodes.Element e : doc.getElementsContainingOwnText("\u202E")) {
                assertThat(e.tagName().equals("bdi") || !e.parents().select("bdi").isEmpty())
                        .as("<%s> holding an override: %s", e.tagName(), e.outerHtml()).isTrue();
            }
            assertThat(doc.body().text()).contains(LONG);
        }
    }

    @Test
    void theSummaryLinksToTheResultsOwnPage() throws Exception {
        GateResultAction action = action(hostile());
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(action.getSummaryHtml());
        assertThat(doc.select("a[href]")).extracting(a -> a.attr("href")).containsExactly("mlgates/h/");
        assertThat(doc.select("section.mlgates.summary")).hasSize(1);
        assertThat(Jsoup.parseBodyFragment(action.getPageHtml()).select("article.mlgates.gate")).hasSize(1);
    }

    @Test
    void everyInlineSvgIsWellFormedXml() throws Exception {
        GateResultAction action = action(hostile());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        int svgs = 0;
        for (String html : List.of(action.getSummaryHtml(), action.getPageHtml())) {
            for (String svg : svgs(html)) {
                factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
                svgs++;
            }
        }
        // status icons, and the per-group chart whose labels are the hostile groups
        assertThat(svgs).isGreaterThan(5);
        assertThat(String.join("", svgs(action.getPageHtml()))).contains("class=\"chart");
    }

    /** Each outermost {@code <svg>…</svg>} of the text as written, not as a parser would repair it. */
    static List<String> svgs(String html) {
        List<String> out = new ArrayList<>();
        Matcher tag = Pattern.compile("<svg\\b|</svg>").matcher(html);
        int depth = 0;
        int start = -1;
        while (tag.find()) {
            if (tag.group().startsWith("<svg")) {
                if (depth++ == 0) {
                    start = tag.start();
                }
            } else if (--depth == 0) {
                out.add(html.substring(start, tag.end()));
            }
        }
        assertThat(depth).as("every <svg> closed").isZero();
        return out;
    }
}
