package io.mlgates.plugin.logic.board;

/** The URL names of a build's pages that the board links to, relative to the build's page. */
public final class Links {
    /** A build's gate results: {@code <build>/mlgates/<id>/}. */
    public static final String RESULTS = "mlgates";
    /** A build's promotions: {@code <build>/mlgates-promotion/<id>/}, where Approve and Reject post. */
    public static final String PROMOTIONS = "mlgates-promotion";

    private Links() {
    }
}
