package io.mlgates.plugin.logic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A gate result as a check on the pull request or commit (GitHub, GitLab... through Jenkins' checks-api plugin), as
 * warnings-ng and coverage publish theirs: named {@code ML gate: <id>}, its conclusion from the status, a short text
 * and a link to the result's page.
 *
 * @param name {@code ML gate: validate}
 * @param conclusion from the gate's status
 * @param title the verdict in one line
 * @param summary the checks that need attention, worst first, in Markdown
 * @param text the judged metrics, in Markdown
 * @param url the result's page, relative to Jenkins' root URL
 */
public record GateCheck(String name, Conclusion conclusion, String title, String summary, String text, String url) {
    /** What a reviewer reads from a check run's conclusion. */
    public enum Conclusion {
        /** PASS, WAIVED: nothing to look at. */
        SUCCESS,
        /** WARN, and SKIPPED (nothing was judged): to look at, not blocking. */
        NEUTRAL,
        /** FAIL, ERROR. */
        FAILURE
    }

    public GateCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(conclusion, "conclusion");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(url, "url");
    }

    /** The check of a result kept with the build, from its summary alone (bounded strings). */
    public static GateCheck of(ResultSummary result, String url) {
        Conclusion conclusion = switch (result.getStatus()) {
            case "PASS", "WAIVED" -> Conclusion.SUCCESS;
            case "FAIL", "ERROR" -> Conclusion.FAILURE;
            default -> Conclusion.NEUTRAL;
        };
        List<String> lines = new ArrayList<>();
        for (CheckLine c : result.getWorstChecks()) {
            lines.add("- **" + c.getStatus() + "** `" + markdownCode(c.getId()) + "`: " + markdownText(c.getMessage()));
        }
        String summary = lines.isEmpty() ? "Every check passed." : String.join("\n", lines);
        List<String> metrics = new ArrayList<>();
        for (Map.Entry<String, Double> m : result.getJudgedMetrics().entrySet()) {
            metrics.add("| `" + markdownCode(m.getKey()) + "` | "
                    + (m.getValue() == null ? "undefined" : Numbers.format(m.getValue())) + " |");
        }
        String text = metrics.isEmpty() ? "" : "| metric | value |\n| --- | --- |\n" + String.join("\n", metrics);
        return new GateCheck("ML gate: " + result.getId(), conclusion, result.getGate() + " gate '" + result.getId()
                + "': " + result.getStatus() + ", " + result.getCountsText(), summary, text, url);
    }

    /** Inside backticks: a backtick or a line break would end the code span. */
    private static String markdownCode(String s) {
        return s.replace('`', '\'').replace('\n', ' ').replace('\r', ' ').replace('|', '/');
    }

    /** Plain text in Markdown: markup characters escaped, so a message cannot link or format. */
    private static String markdownText(String s) {
        return s.replaceAll("([\\\\`*_{}\\[\\]()#+!<>|~])", "\\\\$1").replace('\n', ' ').replace('\r', ' ');
    }
}
