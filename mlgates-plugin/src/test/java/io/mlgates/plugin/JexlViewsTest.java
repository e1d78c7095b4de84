package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.jexl.ExpressionFactory;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ${…}} of every Jelly view, compiled with commons-jexl 1.1, the grammar of Jenkins' own fork that
 * compiles view expressions. Reflection cannot see what this grammar refuses: {@code trend.empty} does not parse
 * (JEXL's {@code empty} is a keyword), so a view with it takes its page down in Jenkins.
 */
class JexlViewsTest {
    /** Words of JEXL 1.1's grammar that end an expression's property path when written after a dot. */
    static final List<String> KEYWORDS = List.of("empty", "size", "not", "and", "or", "eq", "ne", "lt", "gt", "le",
            "ge", "div", "mod", "null", "true", "false");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern KEYWORD_AFTER_DOT =
            Pattern.compile("\\.\\s*(" + String.join("|", KEYWORDS) + ")\\b");

    static List<Path> views() throws Exception {
        Path root = Path.of("src/main/resources");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".jelly")).sorted().toList();
        }
    }

    /** What is wrong with the view's expressions, one line each; {@code ${%…}} are localised texts, not JEXL. */
    static List<String> problems(Path view) throws Exception {
        List<String> problems = new ArrayList<>();
        String text = Files.readString(view, StandardCharsets.UTF_8);
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            String expression = m.group(1);
            if (expression.startsWith("%")) {
                continue;
            }
            String where = view.getParent().getFileName() + "/" + view.getFileName() + " line "
                    + text.substring(0, m.start()).lines().count() + ": ${" + expression + "}";
            // Jelly unescapes the attribute before handing the expression to JEXL.
            String jexl = expression.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                    .replace("&quot;", "\"");
            try {
                ExpressionFactory.createExpression(jexl);
            } catch (Exception | Error e) {
                problems.add(where + " does not parse: " + e.getMessage().lines().findFirst().orElse(""));
            }
            Matcher keyword = KEYWORD_AFTER_DOT.matcher(jexl);
            if (keyword.find()) {
                problems.add(where + " names the JEXL keyword '" + keyword.group(1) + "' after a dot");
            }
        }
        return problems;
    }

    @Test
    void everyExpressionOfEveryViewParsesWithTheGrammarJenkinsUses() throws Exception {
        List<Path> views = views();
        assertThat(views).hasSizeGreaterThanOrEqualTo(8);
        List<String> problems = new ArrayList<>();
        for (Path view : views) {
            problems.addAll(problems(view));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckCatchesWhatJenkinsWouldRefuse(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path view = tmp.resolve("floatingBox.jelly");
        Files.writeString(view, "<j:if test=\"${!trend.empty}\"/> <j:if test=\"${it.size}\"/>"
                + " <p>${%Title}</p> <j:if test=\"${!trend.isEmpty()}\"/> <j:if test=\"${a &lt; 2}\"/>");

        assertThat(problems(view)).hasSize(4).allMatch(p -> p.contains("floatingBox.jelly line 1"))
                .anyMatch(p -> p.contains("${!trend.empty} does not parse"))
                .anyMatch(p -> p.contains("names the JEXL keyword 'empty'"))
                .anyMatch(p -> p.contains("${it.size} does not parse"))
                .anyMatch(p -> p.contains("names the JEXL keyword 'size'"));
    }
}
