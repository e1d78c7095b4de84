package io.mlgates.plugin.logic.board;

import io.mlgates.core.board.Blocker;
import io.mlgates.core.board.Board;
import io.mlgates.core.board.BoardFilter;
import io.mlgates.core.board.BoardStatus;
import io.mlgates.core.board.Departure;
import io.mlgates.core.board.Expiry;
import io.mlgates.core.board.GateResultRef;
import io.mlgates.core.board.LatestCandidate;
import io.mlgates.core.board.ModelRow;
import io.mlgates.core.board.PendingDecision;
import io.mlgates.core.board.StageApprovals;
import io.mlgates.core.board.TrainView;
import io.mlgates.plugin.logic.promotion.PromotionHtml;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The board's HTML fragments: the page of every model ({@link #board}) and a train's page ({@link #train}). Every
 * string that came from a policy, a registry, an index or a request is escaped here, and each sits in its own
 * {@code <bdi>} so that a right-to-left override cannot reorder what surrounds it; the views write the fragments as they
 * are. No script, no inline style: classes of the plugin's stylesheet. Links that the facts give relative to the
 * Jenkins root are prefixed with the way from the page up to it.
 */
public final class BoardHtml {
    private static final DateTimeFormatter DEPARTURE = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm VV",
            Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV", Locale.ROOT);
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Pattern ABSOLUTE = Pattern.compile("https?://.*");

    private BoardHtml() {
    }

    /**
     * The board page: the filter form, the problems of the query, and, when the query was accepted, the counts, the
     * trains and a row per model.
     *
     * @param board the judged board; empty when the query was refused
     * @param unread what the source could not read, shown first
     * @param root the way from the page up to the Jenkins root ({@code ../} from {@code …/ml-gates/})
     */
    public static String board(Optional<Board> board, BoardQuery query, List<String> unread, Viewer viewer,
                               String root) {
        StringBuilder h = new StringBuilder("<div class=\"mlgates-board\">\n");
        unread(h, unread);
        filterForm(h, query, board.map(Board::filter).orElse(BoardFilter.all()));
        for (String problem : query.problems()) {
            h.append("<p class=\"mlgates-problem\">").append(text(problem)).append("</p>\n");
        }
        if (board.isEmpty()) {
            return h.append("</div>\n").toString();
        }
        Board b = board.get();
        h.append("<p class=\"mlgates-board-asof\">As of ").append(moment(b.asOf(), UTC)).append(".</p>\n");
        counts(h, b);
        if (!b.trains().isEmpty()) {
            trains(h, b.trains());
        }
        h.append("<h2>Models</h2>\n");
        if (b.models().isEmpty()) {
            h.append("<p>No model you may see ").append(b.filter().equals(BoardFilter.all()) ? "has run the gates yet"
                    : "matches this filter").append(".</p>\n");
        } else {
            h.append("<table class=\"jenkins-table mlgates-board-models\">\n<thead><tr><th>model</th><th>stages</th>"
                    + "<th>latest candidate</th><th>status</th><th>approvals</th><th>waivers and approvals that"
                    + " lapse</th><th>next departure</th></tr></thead>\n<tbody>\n");
            for (ModelRow row : b.models()) {
                modelRow(h, row, viewer, root);
            }
            h.append("</tbody>\n</table>\n");
        }
        return h.append("</div>\n").toString();
    }

    /**
     * A train's page: its next departure and cut-off, what boards, what waits, what is blocked and why, and what lapses
     * before it leaves.
     *
     * @param train the train; empty when no model the viewer may see rides one of that name
     * @param trains the names of the trains the viewer may see, to name when {@code train} is empty
     * @param root the way from the page up to the Jenkins root ({@code ../../../} from {@code …/ml-gates/train/NAME/})
     */
    public static String train(String name, Optional<TrainView> train, List<ModelRow> rows, List<String> trains,
                               List<String> unread, Viewer viewer, String root) {
        StringBuilder h = new StringBuilder("<div class=\"mlgates-board mlgates-train-page\">\n");
        unread(h, unread);
        if (train.isEmpty()) {
            h.append("<p class=\"mlgates-problem\">No model you may see rides the release train ").append(text(name))
                    .append("; the trains are ").append(trains.isEmpty() ? "none" : String.join(", ",
                            trains.stream().map(BoardHtml::text).toList())).append(".</p>\n");
            return h.append("</div>\n").toString();
        }
        TrainView t = train.get();
        t.disagreement().ifPresent(d -> h.append("<p class=\"mlgates-problem\">").append(text(d)).append("</p>\n"));
        if (t.next().isPresent()) {
            Departure d = t.next().get();
            h.append("<p class=\"mlgates-train-next\">Next departure <strong>").append(departs(d))
                    .append("</strong>; evidence and approvals complete by the cut-off, <strong>")
                    .append(moment(d.cutoff(), d.departs().getZone())).append("</strong>.</p>\n");
        } else {
            h.append("<p class=\"mlgates-train-next\">No departure is scheduled (a freeze may leave none).</p>\n");
        }
        h.append("<h2>Boarding (").append(t.boarding().size()).append(")</h2>\n<ul class=\"mlgates-train-boarding\">\n");
        for (ModelRow row : t.boarding()) {
            h.append("<li>").append(modelName(row)).append(candidateLine(row, root)).append("</li>\n");
        }
        h.append("</ul>\n<h2>Waiting for approvals (").append(t.waiting().size())
                .append(")</h2>\n<ul class=\"mlgates-train-waiting\">\n");
        for (ModelRow row : t.waiting()) {
            h.append("<li>").append(modelName(row)).append(candidateLine(row, root));
            approvals(h, row, viewer, root);
            h.append("</li>\n");
        }
        h.append("</ul>\n<h2>Blocked (").append(t.blocked().size()).append(")</h2>\n<ul class=\"mlgates-train-blocked\">\n");
        for (ModelRow row : t.blocked()) {
            h.append("<li>").append(modelName(row)).append(candidateLine(row, root));
            blockers(h, row.blockers());
            h.append("</li>\n");
        }
        h.append("</ul>\n<h2>Lapses before the departure (").append(t.lapsing().size())
                .append(")</h2>\n<ul class=\"mlgates-train-lapsing\">\n");
        for (TrainView.Lapse l : t.lapsing()) {
            h.append("<li>").append(modelName(l.row())).append(": ").append(expiry(l.expiry())).append("</li>\n");
        }
        return h.append("</ul>\n</div>\n").toString();
    }

    private static void unread(StringBuilder h, List<String> unread) {
        if (unread.isEmpty()) {
            return;
        }
        h.append("<div class=\"mlgates-board-unread\"><p>Not everything could be read; what follows may be incomplete:"
                + "</p>\n<ul>");
        unread.forEach(u -> h.append("<li>").append(text(u)).append("</li>"));
        h.append("</ul></div>\n");
    }

    private static void filterForm(StringBuilder h, BoardQuery query, BoardFilter filter) {
        h.append("<form class=\"mlgates-board-filter\" method=\"get\" action=\".\">\n");
        Map<String, Optional<String>> selected = Map.of("team", filter.team(), "stage", filter.stage(),
                "status", filter.status().map(BoardQuery::name), "train", filter.train());
        for (String parameter : BoardFilter.PARAMETERS) {
            h.append("<label>").append(parameter).append(" <select name=\"").append(parameter)
                    .append("\"><option value=\"\">any</option>");
            for (String value : query.choices().of(parameter)) {
                h.append("<option value=\"").append(attr(value)).append('"')
                        .append(selected.get(parameter).filter(value::equals).isPresent() ? " selected" : "")
                        .append('>').append(attr(value)).append("</option>");
            }
            h.append("</select></label>\n");
        }
        h.append("<button type=\"submit\">Filter</button> <a href=\".\">every model</a>\n</form>\n");
    }

    private static void counts(StringBuilder h, Board b) {
        h.append("<ul class=\"mlgates-board-counts\">\n");
        for (Map.Entry<BoardStatus, Integer> c : b.counts().entrySet()) {
            BoardFilter only = new BoardFilter(b.filter().team(), b.filter().stage(), Optional.of(c.getKey()),
                    b.filter().train());
            String query = BoardQuery.queryString(only);
            h.append("<li><a href=\"").append(attr(query.isEmpty() ? "." : query)).append("\"><span class=\"")
                    .append(badge(c.getKey())).append("\">").append(c.getValue()).append("</span> ")
                    .append(label(c.getKey())).append("</a></li>\n");
        }
        h.append("</ul>\n");
    }

    private static void trains(StringBuilder h, List<TrainView> trains) {
        h.append("<h2>Release trains</h2>\n<table class=\"jenkins-table mlgates-board-trains\">\n<thead><tr><th>train"
                + "</th><th>next departure</th><th>cut-off</th><th>boarding</th><th>waiting</th><th>blocked</th>"
                + "<th>lapse before it</th></tr></thead>\n<tbody>\n");
        for (TrainView t : trains) {
            h.append("<tr><td><a href=\"").append(attr("train/" + BoardQuery.encode(t.name()) + "/")).append("\">")
                    .append(text(t.name())).append("</a></td><td>")
                    .append(t.next().map(BoardHtml::departs).orElse("none scheduled")).append("</td><td>")
                    .append(t.next().map(d -> moment(d.cutoff(), d.departs().getZone())).orElse("")).append("</td><td>")
                    .append(t.boarding().size()).append("</td><td>").append(t.waiting().size()).append("</td><td>")
                    .append(t.blocked().size()).append("</td><td>").append(t.lapsing().size()).append("</td></tr>\n");
            t.disagreement().ifPresent(d -> h.append("<tr><td colspan=\"7\" class=\"mlgates-problem\">")
                    .append(text(d)).append("</td></tr>\n"));
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void modelRow(StringBuilder h, ModelRow row, Viewer viewer, String root) {
        h.append("<tr class=\"mlgates-board-row\"><td>").append(modelName(row));
        row.facts().team().ifPresent(t -> h.append("<br>team ").append(text(t)));
        row.facts().location().ifPresent(l -> h.append("<br>").append(link(row.facts().locationLink(), text(l), root)));
        h.append("</td>\n<td><ul class=\"mlgates-board-stages\">");
        for (Map.Entry<String, Integer> s : row.stageVersions().entrySet()) {
            h.append("<li>").append(text(s.getKey())).append(' ')
                    .append(s.getValue() == null ? "none" : "<strong>v" + s.getValue() + "</strong>").append("</li>");
        }
        h.append("</ul></td>\n<td>");
        if (row.facts().candidate().isPresent()) {
            LatestCandidate c = row.facts().candidate().get();
            h.append(candidateLine(row, root)).append("<ul class=\"mlgates-board-gates\">");
            for (GateResultRef g : c.results()) {
                h.append("<li>").append(link(g.link(), "<span class=\"mlgates-status mlgates-"
                        + g.status().name().toLowerCase(Locale.ROOT) + "\">" + g.status() + "</span> " + text(g.id()),
                        root)).append("</li>");
            }
            h.append("</ul>");
        } else {
            h.append("none judged yet");
        }
        h.append("</td>\n<td><span class=\"").append(badge(row.status())).append("\">").append(label(row.status()))
                .append("</span>");
        row.nextStage().ifPresent(s -> h.append(" for ").append(text(s)));
        blockers(h, row.blockers());
        h.append("</td>\n<td>");
        approvals(h, row, viewer, root);
        h.append("</td>\n<td>");
        if (!row.expiries().isEmpty()) {
            h.append("<ul class=\"mlgates-board-expiries\">");
            for (Expiry e : row.expiries()) {
                h.append("<li").append(e.beforeDeparture() ? " class=\"mlgates-board-lapsing\"" : "").append('>')
                        .append(expiry(e)).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</td>\n<td>");
        row.departure().ifPresent(d -> h.append("<a href=\"").append(attr("train/" + BoardQuery.encode(d.train())
                + "/")).append("\">").append(text(d.train())).append("</a><br>").append(departs(d))
                .append("<br>cut-off ").append(moment(d.cutoff(), d.departs().getZone())));
        h.append("</td></tr>\n");
    }

    private static String modelName(ModelRow row) {
        return "<strong class=\"mlgates-board-model\">" + text(row.model()) + "</strong>";
    }

    /** The candidate's short digest, where it was judged (linked) and its registered version. */
    private static String candidateLine(ModelRow row, String root) {
        if (row.facts().candidate().isEmpty()) {
            return "";
        }
        LatestCandidate c = row.facts().candidate().get();
        String digest = c.digest().length() > 19 ? c.digest().substring(0, 19) + "…" : c.digest();
        return " <code title=\"" + attr(c.digest()) + "\">" + attr(digest) + "</code> " + link(c.link(), text(c.label()),
                root) + row.candidateVersion().map(v -> ", version " + v).orElse("");
    }

    private static void blockers(StringBuilder h, List<Blocker> blockers) {
        if (blockers.isEmpty()) {
            return;
        }
        h.append("<ul class=\"mlgates-board-blockers\">");
        for (Blocker b : blockers) {
            h.append("<li><code>").append(attr(b.rule())).append("</code>: ").append(text(b.message())).append("</li>");
        }
        h.append("</ul>");
    }

    /** Per stage: given, rejected, still needed; then each waiting promotion, with the forms when the viewer counts. */
    private static void approvals(StringBuilder h, ModelRow row, Viewer viewer, String root) {
        if (!row.approvals().isEmpty()) {
            h.append("<ul class=\"mlgates-board-approvals\">");
            for (StageApprovals a : row.approvals()) {
                h.append("<li>").append(text(a.stage())).append(": ").append(a.approvedBy().size()).append(" of ")
                        .append(a.quorum()).append(" from <code>").append(attr(a.group())).append("</code>");
                if (!a.approvedBy().isEmpty()) {
                    h.append(" (").append(names(a.approvedBy())).append(')');
                }
                if (a.stillNeeded() > 0) {
                    h.append("; <strong>").append(a.stillNeeded()).append(" still needed</strong>");
                }
                if (!a.rejectedBy().isEmpty()) {
                    h.append("; <span class=\"mlgates-problem\">rejected by ").append(names(a.rejectedBy()))
                            .append("</span>");
                }
                if (a.verifiedOnly()) {
                    h.append("; verified approvals only");
                }
                for (String note : a.notCounted()) {
                    h.append("<br><span class=\"mlgates-ignored\">").append(text(note)).append("</span>");
                }
                h.append("</li>");
            }
            h.append("</ul>");
        }
        for (PendingDecision p : row.facts().pending()) {
            String page = href(Optional.of(p.link().endsWith("/") ? p.link() : p.link() + "/"), root).orElseThrow();
            h.append("<div class=\"mlgates-board-pending\"><a href=\"").append(attr(page)).append("\">")
                    .append(text(p.label())).append("</a> waits since ").append(moment(p.since(), UTC));
            if (viewer.mayDecide(row, p)) {
                h.append("<form class=\"mlgates-board-decide\" method=\"post\" action=\"").append(attr(page + "approve"))
                        .append("\"><label>Reason <textarea name=\"reason\" required></textarea></label>"
                                + "<button type=\"submit\">Approve</button> <button type=\"submit\" formaction=\"")
                        .append(attr(page + "reject")).append("\">Reject</button></form>");
            }
            h.append("</div>");
        }
    }

    private static String expiry(Expiry e) {
        return (e.kind() == Expiry.Kind.WAIVER ? "waiver " : "approval ") + text(e.what()) + ", lapses "
                + moment(e.lapses(), UTC) + (e.beforeDeparture() ? " <strong>before the departure</strong>"
                : "");
    }

    private static String names(List<String> names) {
        return String.join(", ", names.stream().map(BoardHtml::text).toList());
    }

    private static String departs(Departure d) {
        return attr(DEPARTURE.format(d.departs()));
    }

    private static String moment(Instant instant, ZoneId zone) {
        return attr(MOMENT.format(ZonedDateTime.ofInstant(instant, zone)));
    }

    private static String link(Optional<String> link, String html, String root) {
        return href(link, root).map(h -> "<a href=\"" + attr(h) + "\">" + html + "</a>").orElse(html);
    }

    /**
     * A link as the page follows it: an absolute {@code http(s)} address as it is, anything else relative to the
     * Jenkins root; never another scheme.
     */
    static Optional<String> href(Optional<String> link, String root) {
        return link.filter(l -> !l.isBlank()).map(l -> ABSOLUTE.matcher(l).matches() ? l
                : root + (l.startsWith("/") ? l.substring(1) : l));
    }

    static String badge(BoardStatus status) {
        return "mlgates-status mlgates-board-" + BoardQuery.name(status).replace('_', '-');
    }

    static String label(BoardStatus status) {
        return switch (status) {
            case BLOCKED -> "blocked";
            case WAITING -> "waiting";
            case BOARDING -> "boarding";
            case READY -> "ready";
            case RELEASED -> "released";
            case NO_CANDIDATE -> "no candidate";
        };
    }

    /** A string as HTML text, isolated in its own {@code <bdi>}. */
    static String text(String s) {
        return "<bdi>" + PromotionHtml.escape(s) + "</bdi>";
    }

    /** A string as an attribute value, or as text where no isolation is needed (ids, rules, numbers). */
    static String attr(String s) {
        return PromotionHtml.escape(s);
    }
}
