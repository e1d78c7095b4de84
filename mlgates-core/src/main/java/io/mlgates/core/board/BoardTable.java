package io.mlgates.core.board;

import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.report.Text;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The board as plain text for a terminal: one line per model, then what blocks, the approvals, what lapses before
 * a departure, and the trains. Strings from policies, registries and results have their control characters
 * neutralised, since any of them may come from someone who lies.
 */
public final class BoardTable {
    private static final DateTimeFormatter DEPARTS = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm",
            Locale.ENGLISH);

    public String render(Board board) {
        StringBuilder out = new StringBuilder();
        List<String> counts = new ArrayList<>();
        board.counts().forEach((status, n) -> counts.add(shown(status) + " " + n));
        out.append("Board as of ").append(board.asOf()).append(": ").append(board.models().size())
                .append(board.models().size() == 1 ? " model (" : " models (").append(String.join(", ", counts))
                .append(')').append(System.lineSeparator());
        String query = board.filter().query();
        if (!query.isEmpty()) {
            out.append("Filter: ").append(safe(board.filter().team().map(t -> "team=" + t + " ").orElse("")
                    + board.filter().stage().map(s -> "stage=" + s + " ").orElse("")
                    + board.filter().status().map(s -> "status=" + shown(s) + " ").orElse("")
                    + board.filter().train().map(t -> "train=" + t).orElse("")).strip())
                    .append(System.lineSeparator());
        }
        if (board.models().isEmpty()) {
            return out.toString();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"MODEL", "TEAM", "STATUS", "STAGES", "CANDIDATE", "NEXT", "DEPARTURE"});
        for (ModelRow row : board.models()) {
            List<String> stages = new ArrayList<>();
            for (StagePolicy stage : row.facts().promotion().stages()) {
                Integer v = row.stageVersions().get(stage.name());
                stages.add(stage.name() + " " + (v == null ? "-" : "v" + v));
            }
            String candidate = row.facts().candidate().isEmpty() ? "-"
                    : row.candidateVersion().map(v -> "v" + v).orElse("unregistered");
            rows.add(new String[] {row.model(), row.facts().team().orElse("-"), row.status().name(),
                String.join(", ", stages), candidate, row.nextStage().orElse("-"),
                row.departure().map(d -> departs(d.departs())).orElse("-")});
        }
        out.append(System.lineSeparator());
        columns(rows, out);

        List<String[]> blocked = new ArrayList<>();
        List<String[]> approvals = new ArrayList<>();
        List<String[]> lapsing = new ArrayList<>();
        for (ModelRow row : board.models()) {
            String name = row.model();
            for (Blocker b : row.blockers()) {
                blocked.add(new String[] {name, b.rule() + ": " + b.message()});
                name = "";
            }
            name = row.model();
            for (StageApprovals a : row.approvals()) {
                approvals.add(new String[] {name, approvals(a)});
                name = "";
            }
            name = row.model();
            for (Expiry e : row.expiries()) {
                if (e.beforeDeparture()) {
                    lapsing.add(new String[] {name, e.lapses() + "  " + e.what()});
                    name = "";
                }
            }
        }
        section("Blocked", blocked, out);
        section("Approvals", approvals, out);
        section("Lapsing before the departure", lapsing, out);
        List<String[]> trains = new ArrayList<>();
        for (TrainView t : board.trains()) {
            trains.add(new String[] {t.name(), t.next().map(d -> "next " + departs(d.departs()) + ", cut-off "
                    + departs(d.cutoff().atZone(d.departs().getZone()))).orElse("no departure outside the freezes")
                    + "; boarding " + names(t.boarding()) + "; waiting " + names(t.waiting()) + "; blocked "
                    + names(t.blocked())});
            t.disagreement().ifPresent(d -> trains.add(new String[] {"", d}));
        }
        section("Trains", trains, out);
        return out.toString();
    }

    private static String approvals(StageApprovals a) {
        StringBuilder text = new StringBuilder(a.stage()).append(": ").append(a.approvedBy().size()).append(" of ")
                .append(a.quorum()).append(" from ").append(a.group());
        if (!a.approvedBy().isEmpty()) {
            text.append(" (").append(String.join(", ", a.approvedBy())).append(')');
        }
        if (a.stillNeeded() > 0) {
            text.append("; ").append(a.stillNeeded()).append(" more needed; may still approve: ")
                    .append(a.mayStillApprove().isEmpty() ? "nobody" : String.join(", ", a.mayStillApprove()));
        }
        if (!a.rejectedBy().isEmpty()) {
            text.append("; rejected by ").append(String.join(", ", a.rejectedBy()));
        }
        if (a.verifiedOnly()) {
            text.append("; only verified approvals count (the promotion checks the signatures)");
        }
        a.notCounted().forEach(n -> text.append("; ").append(n));
        return text.toString();
    }

    private static String names(List<ModelRow> rows) {
        return rows.isEmpty() ? "-" : String.join(", ", rows.stream().map(ModelRow::model).toList());
    }

    private static String departs(ZonedDateTime moment) {
        return DEPARTS.format(moment) + " " + moment.getZone().getId();
    }

    private static String shown(BoardStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static void section(String title, List<String[]> rows, StringBuilder out) {
        if (rows.isEmpty()) {
            return;
        }
        out.append(System.lineSeparator()).append(title).append(System.lineSeparator());
        int width = rows.stream().mapToInt(r -> safe(r[0]).length()).max().orElse(0);
        for (String[] row : rows) {
            out.append("  ").append(pad(safe(row[0]), width)).append("  ").append(safe(row[1]))
                    .append(System.lineSeparator());
        }
    }

    private static void columns(List<String[]> rows, StringBuilder out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], safe(row[i]).length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? safe(row[i]) : pad(safe(row[i]), widths[i]) + "  ");
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String safe(String text) {
        return Text.terminalSafe(text);
    }
}
