package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.plugin.logic.TrendView;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Jelly views, checked without a Jenkins to render them: well-formed, escaping every expression by default, free
 * of what a Content-Security-Policy blocks, and naming only properties their objects have. The Snippet Generator's
 * form has a field and a help file for each argument.
 */
class ViewsTest {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
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
            String text = Files.readString(view, StandardCharsets.UTF_8);
            assertThat(text).as(view.toString()).doesNotContain("<j:out", "escape-by-default='false'", "<script",
                    " style=", "javascript:").doesNotContainPattern(" on[a-z]+=");
        }
    }

    @Test
    void viewsNameOnlyPropertiesTheirObjectsHave() throws Exception {
        List<String> problems = new ArrayList<>();
        check("GateResultAction/summary.jelly", Map.of("it", GateResultAction.class), problems);
        check("GateResultAction/index.jelly", Map.of("it", GateResultAction.class), problems);
        check("GateTrendAction/floatingBox.jelly", Map.of("from", GateTrendAction.class), problems);
        check("GateTrendAction/index.jelly", Map.of("it", GateTrendAction.class), problems);
        check("GateTrendAction/series.jelly", Map.of("series", TrendView.Series.class), problems);
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
            assertThat(resources().resolve("io/mlgates/plugin/" + name + "/help.html")).isRegularFile();
        }
    }

    @Test
    void everyStaticFileTheViewsAndIconsNameIsServedFromThePlugin() throws Exception {
        Pattern served = Pattern.compile("/plugin/ml-gates/([\\w./-]+)");
        List<String> named = new ArrayList<>();
        for (Path view : views()) {
            served.matcher(Files.readString(view)).results().forEach(m -> named.add(m.group(1)));
        }
        served.matcher(Icons.GATE).results().forEach(m -> named.add(m.group(1)));

        assertThat(named).contains("css/ml-gates.css", "icons/ml-gates.svg");
        for (String file : named) {
            assertThat(Path.of("src/main/webapp", file)).as("src/main/webapp goes to the .hpi's root").isRegularFile();
        }
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
                if (m.matches()) {
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
}
