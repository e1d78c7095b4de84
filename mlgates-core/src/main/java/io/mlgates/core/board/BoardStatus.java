package io.mlgates.core.board;

/** Where a model's latest candidate stands on its road, as the board sorts models. */
public enum BoardStatus {
    /** Something stops it: missing or failed evidence, a standing rejection, a missed cut-off; each named. */
    BLOCKED,
    /** Its evidence is complete; it waits for approvals that may still come in time. */
    WAITING,
    /** Evidence and approvals complete for a stage that rides the train: it leaves with the next departure. */
    BOARDING,
    /** Evidence and approvals complete for a stage without a train: it can be promoted now. */
    READY,
    /** The latest candidate is in the last stage: nothing is pending. */
    RELEASED,
    /** No gate has judged a candidate of this model yet. */
    NO_CANDIDATE
}
