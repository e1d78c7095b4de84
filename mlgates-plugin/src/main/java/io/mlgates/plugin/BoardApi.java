package io.mlgates.plugin;

import io.mlgates.core.board.Blocker;
import io.mlgates.core.board.BoardJson;
import io.mlgates.core.board.Board;
import io.mlgates.core.board.Departure;
import io.mlgates.core.board.Expiry;
import io.mlgates.core.board.GateResultRef;
import io.mlgates.core.board.LatestCandidate;
import io.mlgates.core.board.ModelRow;
import io.mlgates.core.board.PendingDecision;
import io.mlgates.core.board.StageApprovals;
import io.mlgates.core.board.TrainView;
import io.mlgates.core.policy.StagePolicy;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What {@code …/ml-gates/api/json} serves: the board the viewer may see, in the shape {@code mlgates board --format
 * json} writes ({@link BoardJson}, docs/board.md: the same names and values), through Jenkins' remote API
 * ({@code tree=} and {@code depth} work as everywhere; Jenkins adds {@code _class}). A value the board leaves
 * undefined (no team, no departure) is {@code null}. Instants are ISO-8601 in UTC.
 */
@ExportedBean
public final class BoardApi {
    /**
     * The nested beans' visibility: deep enough that the default depth shows the whole board (board, model,
     * candidate, gate result), as the CLI's JSON does, rather than Jenkins' habit of a shallow first answer.
     */
    static final int DEPTH = 4;

    private final Board board;

    BoardApi(Board board) {
        this.board = board;
    }

    /** The shape's version, as {@code mlgates board --format json} writes it. */
    @Exported
    public int getSchemaVersion() {
        return BoardJson.SCHEMA_VERSION;
    }

    @Exported
    public String getAsOf() {
        return board.asOf().toString();
    }

    @Exported
    public Filter getFilter() {
        return new Filter(board);
    }

    /** How many models the filter lets through, by status, every status present. */
    @Exported
    public Map<String, Integer> getCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        board.counts().forEach((status, n) -> counts.put(status.name(), n));
        return counts;
    }

    @Exported
    public List<Model> getModels() {
        return board.models().stream().map(Model::new).toList();
    }

    @Exported
    public List<Train> getTrains() {
        return board.trains().stream().map(Train::new).toList();
    }

    /** The filter the board was judged with; {@code null} for a criterion not given. */
    @ExportedBean(defaultVisibility = DEPTH)
    public static final class Filter {
        private final Board board;

        Filter(Board board) {
            this.board = board;
        }

        @Exported
        public String getTeam() {
            return board.filter().team().orElse(null);
        }

        @Exported
        public String getStage() {
            return board.filter().stage().orElse(null);
        }

        @Exported
        public String getStatus() {
            return board.filter().status().map(Enum::name).orElse(null);
        }

        @Exported
        public String getTrain() {
            return board.filter().train().orElse(null);
        }
    }

    /** One model's row. */
    @ExportedBean(defaultVisibility = DEPTH)
    public static final class Model {
        private final ModelRow row;

        Model(ModelRow row) {
            this.row = row;
        }

        @Exported
        public String getModel() {
            return row.model();
        }

        @Exported
        public String getTeam() {
            return row.facts().team().orElse(null);
        }

        @Exported
        public String getLocation() {
            return row.facts().location().orElse(null);
        }

        @Exported
        public String getLocationLink() {
            return row.facts().locationLink().orElse(null);
        }

        @Exported
        public String getTrain() {
            return row.facts().trainName().orElse(null);
        }

        /** Each stage of the policy's road, in order. */
        @Exported
        public List<Stage> getStages() {
            return row.facts().promotion().stages().stream().map(s -> new Stage(s, row.stageVersions()
                    .get(s.name()))).toList();
        }

        @Exported
        public Candidate getCandidate() {
            return row.facts().candidate().map(c -> new Candidate(c, row.candidateVersion().orElse(null)))
                    .orElse(null);
        }

        @Exported
        public String getNextStage() {
            return row.nextStage().orElse(null);
        }

        @Exported
        public String getStatus() {
            return row.status().name();
        }

        @Exported
        public List<Reason> getBlockers() {
            return row.blockers().stream().map(Reason::new).toList();
        }

        @Exported
        public List<Approvals> getApprovals() {
            return row.approvals().stream().map(Approvals::new).toList();
        }

        @Exported
        public List<Pending> getPending() {
            return row.facts().pending().stream().map(Pending::new).toList();
        }

        @Exported
        public List<Lapse> getExpiries() {
            return row.expiries().stream().map(Lapse::new).toList();
        }

        @Exported
        public Next getDeparture() {
            return row.departure().map(Next::new).orElse(null);
        }
    }

    /** The latest candidate and its gate results. */
    @ExportedBean(defaultVisibility = DEPTH)
    public static final class Candidate {
        private final LatestCandidate candidate;
        private final Integer version;

        Candidate(LatestCandidate candidate, Integer version) {
            this.candidate = candidate;
            this.version = version;
        }

        /** Its registered version; {@code null} when it is not registered. */
        @Exported
        public Integer getVersion() {
            return version;
        }

        @Exported
        public String getDigest() {
            return candidate.digest();
        }

        @Exported
        public String getLabel() {
            return candidate.label();
        }

        @Exported
        public String getLink() {
            return candidate.link().orElse(null);
        }

        @Exported
        public List<Result> getResults() {
            return candidate.results().stream().map(Result::new).toList();
        }
    }

    /** One gate result of the candidate. */
    @ExportedBean(defaultVisibility = DEPTH)
    public static final class Result {
        private final GateResultRef result;

        Result(GateResultRef result) {
            this.result = result;
        }

        @Exported
        public String getGate() {
            return result.gate();
        }

        @Exported
        public String getId() {
            return result.id();
        }

        @Exported
        public String getStatus() {
            return result.status().name();
        }

        @Exported
        public String getJudgedAt() {
            return result.judgedAt().map(Object::toString).orElse(null);
        }

        @Exported
        public String getLink() {
            return result.link().orElse(null);
        }
    }

    /** Why a candidate cannot move on. */
    @ExportedBean(defaultVisibility = DEPTH)
    public static final class Reason {
        private final Blocker blocker;

        Reason(Blocker blocker) {
            this.blocker = blocker;
        }

        @Exported
        public String getRule() {
            return blocker.rule();
        }

        @Exported
        public String getMessage() {
            return blocker.message();
        }
    }

    /** A stage's approvals: given, rejected, still needed. */
    @ExportedBean(defaultVisibility = DEPTH)
    public static final class Approvals {
        private final StageApprovals approvals;

        Approvals(StageApprovals approvals) {
            this.approvals = approvals;
        }

        @Exported
        public String getStage() {
            return approvals.stage();
        }

        @Exported
        public String getGroup() {
            return approvals.group();
        }

        @Exported
        public int getQuorum() {
            return approvals.quorum();
        }

        @Exported
        public List<String> getApprovedBy() {
            return approvals.approvedBy();
        }

        @Exported
        public List<String> getRejectedBy() {
            return approvals.rejectedBy();
        }

        @Exported
        public int getStillNeeded() {
            return approvals.stillNeeded();
        }

        @Exported
        public List<String> getMayStillApprove() {
            return approvals.mayStillApprove();
        }

        @Exported
        public boolean isVerifiedOnly() {
            return approvals.verifiedOnly();
        }

        @Exported
        public List<String> getNotCounted() {
            return approvals.notCounted();
        }
    }

    /** A promotion that waits for decisions, and its page. */
    @ExportedBean(defaultVisibility = DEPTH)
    public static final class Pending {
        private final PendingDecision pending;

        Pending(PendingDecision pending) {
            this.pending = pending;
        }

        @Exported
        public String getStage() {
            return pending.stage();
        }

        @Exported
        public String getLabel() {
            return pending.label();
        }

        @Exported
        public String getLink() {
            return pending.link();
        }

        @Exported
        public String getSince() {
            return pending.since().toString();
        }
    }

    /** A waiver in force or an approval that counts, and when it lapses. */
    @ExportedBean(defaultVisibility = DEPTH)
    public static class Lapse {
        private final Expiry expiry;

        Lapse(Expiry expiry) {
            this.expiry = expiry;
        }

        /** Among a train's lapsing: with the model it is of. */
        @ExportedBean(defaultVisibility = DEPTH)
        public static final class OfModel extends Lapse {
            private final String model;

            OfModel(String model, Expiry expiry) {
                super(expiry);
                this.model = model;
            }

            @Exported
            public String getModel() {
                return model;
            }
        }

        @Exported
        public String getKind() {
            return expiry.kind().name();
        }

        @Exported
        public String getWhat() {
            return expiry.what();
        }

        @Exported
        public String getLapses() {
            return expiry.lapses().toString();
        }

        @Exported
        public boolean isBeforeDeparture() {
            return expiry.beforeDeparture();
        }
    }

    /** A stage of the road: the version it points to ({@code null}: none) and whether it rides the train. */
    @ExportedBean(defaultVisibility = DEPTH)
    public static final class Stage {
        private final StagePolicy stage;
        private final Integer version;

        Stage(StagePolicy stage, Integer version) {
            this.stage = stage;
            this.version = version;
        }

        @Exported
        public String getStage() {
            return stage.name();
        }

        @Exported
        public Integer getVersion() {
            return version;
        }

        @Exported
        public boolean isTrain() {
            return stage.train();
        }
    }

    /** A train's next departure. */
    @ExportedBean(defaultVisibility = DEPTH)
    public static final class Next {
        private final Departure departure;

        Next(Departure departure) {
            this.departure = departure;
        }

        @Exported
        public String getTrain() {
            return departure.train();
        }

        /** With its offset; the zone apart. */
        @Exported
        public String getDeparts() {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(departure.departs());
        }

        @Exported
        public String getZone() {
            return departure.departs().getZone().getId();
        }

        @Exported
        public String getCutoff() {
            return departure.cutoff().toString();
        }
    }

    /** A release train: its next departure, the models that board, wait or are blocked, what lapses before it. */
    @ExportedBean(defaultVisibility = DEPTH)
    public static final class Train {
        private final TrainView train;

        Train(TrainView train) {
            this.train = train;
        }

        @Exported
        public String getName() {
            return train.name();
        }

        @Exported
        public Next getNext() {
            return train.next().map(Next::new).orElse(null);
        }

        @Exported
        public List<String> getBoarding() {
            return train.boarding().stream().map(ModelRow::model).toList();
        }

        @Exported
        public List<String> getWaiting() {
            return train.waiting().stream().map(ModelRow::model).toList();
        }

        @Exported
        public List<String> getBlocked() {
            return train.blocked().stream().map(ModelRow::model).toList();
        }

        /** Its models' waivers and approvals that lapse before it departs, each with its model. */
        @Exported
        public List<Lapse> getLapsing() {
            return train.lapsing().stream().map(l -> (Lapse) new Lapse.OfModel(l.row().model(), l.expiry())).toList();
        }

        /** {@code null}, or the sentence naming which model writes which schedule for it. */
        @Exported
        public String getDisagreement() {
            return train.disagreement().orElse(null);
        }
    }
}
