package io.mlgates.plugin.logic.promotion;

import io.mlgates.core.report.Text;
import java.util.List;
import java.util.Locale;

/**
 * The promotion's HTML fragments: its page (candidate, evidence, approvals, what is still needed, the next departure)
 * and its line in the build page's summary box. Every string is escaped here, so the views write the fragments as
 * they are; no script, no inline style (a Content-Security-Policy blocks both): classes of the plugin's stylesheet.
 */
public final class PromotionHtml {
    private PromotionHtml() {
    }

    /** Text as HTML text or attribute value. */
    public static String escape(String s) {
        String safe = Text.htmlSafe(s);
        StringBuilder b = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The status badge's style class, from the plugin's stylesheet. */
    static String badge(String kind) {
        return "mlgates-status mlgates-promotion-" + kind.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What a state is called on the page. */
    static String label(String kind) {
        return switch (PromotionState.Kind.valueOf(kind)) {
            case PROMOTED -> "promoted";
            case WAITING_FOR_APPROVALS -> "waiting for approvals";
            case WAITING_FOR_DEPARTURE -> "waiting for the release train";
            case REJECTED -> "rejected";
            case REFUSED -> "refused";
        };
    }

    /**
     * The promotion's page.
     *
     * @param jobUrl how the page links to the job, relative to itself ({@code ../../../}), before each result's page
     */
    public static String page(PromotionView v, String jobUrl) {
        StringBuilder h = new StringBuilder("<div class=\"mlgates-promotion-page\">\n");
        h.append("<p class=\"mlgates-promotion-head\"><strong>").append(escape(v.getModel())).append("</strong> to <strong>")
                .append(escape(v.getStage())).append("</strong> <span class=\"").append(badge(v.getKind()))
                .append("\">").append(label(v.getKind())).append("</span>");
        if (v.getVersion() != null) {
            h.append(" version ").append(escape(v.getVersion()));
        }
        h.append("</p>\n<p>Candidate <code>").append(escape(v.getCandidate())).append("</code>, judged at ")
                .append(escape(v.getJudgedAt())).append(".</p>\n");
        if (v.getEmergencyReason() != null) {
            h.append("<p class=\"mlgates-emergency\">Emergency path: ").append(escape(v.getEmergencyReason()))
                    .append("</p>\n");
        }
        h.append("<h2>Evidence</h2>\n<ul class=\"mlgates-evidence\">\n");
        if (v.getEvidence().isEmpty()) {
            h.append("<li>none found for this candidate</li>\n");
        }
        for (PromotionView.Line e : v.getEvidence()) {
            h.append("<li><a href=\"").append(escape(jobUrl + e.getText())).append("\">").append(escape(e.getName()))
                    .append("</a></li>\n");
        }
        h.append("</ul>\n<h2>Approvals</h2>\n");
        if (v.getGroup() == null) {
            h.append("<p>Stage ").append(escape(v.getStage())).append(" takes no approvals.</p>\n");
        } else {
            h.append("<p>").append(v.getQuorum()).append(v.getQuorum() == 1 ? " approval" : " approvals")
                    .append(" from group <code>").append(escape(v.getGroup())).append("</code>; <strong>")
                    .append(v.getStillNeeded()).append(" still needed</strong>.</p>\n<ul class=\"mlgates-approvals\">\n");
            for (PromotionView.Line a : v.getApprovals()) {
                h.append("<li><strong>").append(escape(a.getName())).append("</strong>: ").append(escape(a.getText()))
                        .append("</li>\n");
            }
            for (String ignored : v.getIgnored()) {
                h.append("<li class=\"mlgates-ignored\">").append(escape(ignored)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        if (v.getNextDeparture() != null) {
            h.append("<p>Next departure of the release train: <strong>").append(escape(v.getNextDeparture()))
                    .append("</strong></p>\n");
        }
        List<PromotionView.Line> refusals = v.getRefusals();
        if (!refusals.isEmpty()) {
            h.append("<h2>Still in the way</h2>\n<ul class=\"mlgates-refusals\">\n");
            for (PromotionView.Line r : refusals) {
                h.append("<li><code>").append(escape(r.getName())).append("</code>: ").append(escape(r.getText()))
                        .append("</li>\n");
            }
            h.append("</ul>\n");
        }
        return h.append("</div>\n").toString();
    }

    /**
     * The build page's summary of the build's promotions, each linking to its page.
     *
     * @param urlName the promotions' URL segment under the build
     */
    public static String summary(List<PromotionView> views, String urlName) {
        StringBuilder h = new StringBuilder("<ul class=\"mlgates-promotions\">\n");
        for (PromotionView v : views) {
            h.append("<li><a href=\"").append(escape(urlName + "/" + v.getId() + "/")).append("\">")
                    .append(escape(v.getModel())).append(" to ").append(escape(v.getStage())).append("</a> <span class=\"")
                    .append(badge(v.getKind())).append("\">").append(label(v.getKind())).append("</span>");
            if (v.getVersion() != null) {
                h.append(" version ").append(escape(v.getVersion()));
            }
            if (v.isWaiting() && v.getStillNeeded() > 0) {
                h.append(", ").append(v.getStillNeeded()).append(" more approval").append(v.getStillNeeded() == 1
                        ? "" : "s").append(" needed from <code>").append(escape(v.getGroup())).append("</code>");
            }
            if (v.isWaiting() && v.getNextDeparture() != null) {
                h.append(", next departure ").append(escape(v.getNextDeparture()));
            }
            h.append("</li>\n");
        }
        return h.append("</ul>\n").toString();
    }
}
