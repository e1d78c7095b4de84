package io.mlgates.plugin.logic.promotion;

import io.mlgates.plugin.logic.Bounds;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * What the build's promotion page shows of a promotion, as of its last judgement: kept with the build (a page never
 * judges, since judging may promote, and reading never writes), small, and every string bounded. The view escapes
 * every string when it writes it.
 */
public final class PromotionView implements Serializable {
    private static final long serialVersionUID = 1L;
    /** As the CLI shows a departure. */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm",
            Locale.ENGLISH);

    private final String id;
    private final String model;
    private final String stage;
    private final String candidate;
    private final String kind;
    private final String group;
    private final int quorum;
    private final int stillNeeded;
    private final ArrayList<Line> approvals;
    private final ArrayList<String> ignored;
    private final ArrayList<Line> refusals;
    private final ArrayList<Line> evidence;
    private final String nextDeparture;
    private final String emergencyReason;
    private final String judgedAt;
    private final String version;

    /** Two strings: an approver and their reason, a rule and its message, a gate and its result page. */
    public static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final String text;

        Line(String name, String text) {
            this.name = Bounds.text(name, Bounds.NAME);
            this.text = Bounds.text(text, Bounds.MESSAGE);
        }

        public String getName() {
            return name;
        }

        public String getText() {
            return text;
        }
    }

    private PromotionView(PendingPromotion p, String model, PromotionState s, String judgedAt) {
        this.id = p.id();
        this.model = Bounds.text(model, Bounds.NAME);
        this.stage = p.stage();
        this.candidate = p.candidate();
        this.kind = s.kind().name();
        this.group = s.group().orElse(null);
        this.quorum = s.quorum();
        this.stillNeeded = s.stillNeeded();
        this.approvals = new ArrayList<>(s.counted().stream().map(a -> new Line(a.approver(), a.reason() + " ("
                + a.at() + ")")).toList());
        this.ignored = new ArrayList<>(s.ignored().stream().map(i -> Bounds.text(i, Bounds.MESSAGE)).toList());
        this.refusals = new ArrayList<>(s.refusals().stream().map(r -> new Line(r.rule(), r.message())).toList());
        this.evidence = new ArrayList<>(p.evidence().stream().map(e -> new Line(e.toString(), e.page())).toList());
        this.nextDeparture = s.nextDeparture().map(d -> SHOWN.format(d) + " " + d.getZone().getId()).orElse(null);
        this.emergencyReason = p.emergencyReason().map(r -> Bounds.text(r, Bounds.MESSAGE)).orElse(null);
        this.judgedAt = judgedAt;
        this.version = s.outcome().version().isPresent() ? Integer.toString(s.outcome().version().getAsInt()) : null;
    }

    /** The page's view of a judgement made at {@code at}. */
    public static PromotionView of(PendingPromotion pending, PromotionState state, Instant at) {
        return new PromotionView(pending, state.outcome().model(), state, at.toString());
    }

    public String getId() {
        return id;
    }

    public String getModel() {
        return model;
    }

    public String getStage() {
        return stage;
    }

    public String getCandidate() {
        return candidate;
    }

    /** {@code WAITING_FOR_APPROVALS}, {@code WAITING_FOR_DEPARTURE}, {@code PROMOTED}, {@code REJECTED}, {@code REFUSED}. */
    public String getKind() {
        return kind;
    }

    public boolean isWaiting() {
        return PromotionState.Kind.valueOf(kind).waiting();
    }

    /** The approver group, or null when the stage takes no approvals. */
    public String getGroup() {
        return group;
    }

    public int getQuorum() {
        return quorum;
    }

    public int getStillNeeded() {
        return stillNeeded;
    }

    /** The approvals that count, each with its reason and time. */
    public List<Line> getApprovals() {
        return List.copyOf(approvals);
    }

    /** Why other decisions do not count. */
    public List<String> getIgnored() {
        return List.copyOf(ignored);
    }

    /** Every rule that keeps it from the stage, empty when promoted. */
    public List<Line> getRefusals() {
        return List.copyOf(refusals);
    }

    /** Each gate result relied on, with its page relative to the job's URL. */
    public List<Line> getEvidence() {
        return List.copyOf(evidence);
    }

    /** The train's next departure ({@code Tuesday 2026-12-01 14:00 Europe/Berlin}), or null. */
    public String getNextDeparture() {
        return nextDeparture;
    }

    /** The written reason for the emergency path, or null. */
    public String getEmergencyReason() {
        return emergencyReason;
    }

    public String getJudgedAt() {
        return judgedAt;
    }

    /** The registered version, or null before registration. */
    public String getVersion() {
        return version;
    }

    /**
     * The value {@code mlPromote} returns to the script: {@code result} ({@code promoted}, {@code refused},
     * {@code rejected}), {@code model}, {@code stage}, {@code candidate}, {@code version} (null before registration),
     * {@code registry} (its location or URL), {@code emergency}, and {@code refusals}: maps of {@code rule} and
     * {@code message}, every rule that refused it.
     */
    public Map<String, Object> toScript(String registry) {
        Map<String, Object> r = new LinkedHashMap<>();
        PromotionState.Kind k = PromotionState.Kind.valueOf(kind);
        r.put("result", k == PromotionState.Kind.PROMOTED ? "promoted" : k == PromotionState.Kind.REJECTED
                ? "rejected" : "refused");
        r.put("model", model);
        r.put("stage", stage);
        r.put("candidate", candidate);
        r.put("version", version == null ? null : Integer.valueOf(version));
        r.put("registry", registry);
        r.put("emergency", emergencyReason != null);
        List<Object> rules = new ArrayList<>();
        for (Line line : refusals) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("rule", line.name);
            rule.put("message", line.text);
            rules.add(rule);
        }
        r.put("refusals", rules);
        return r;
    }

    /** "every rule: message; ..." in one line, for a log or a failure. */
    public String refusalText() {
        List<String> parts = new ArrayList<>();
        refusals.forEach(r -> parts.add(r.name + ": " + r.text));
        return String.join("; ", parts);
    }
}
