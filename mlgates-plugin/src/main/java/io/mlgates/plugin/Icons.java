package io.mlgates.plugin;

/** The plugin's icon, served from the .hpi's root under {@code /plugin/<short name>/}. */
final class Icons {
    static final String GATE = "/plugin/ml-gates/icons/ml-gates.svg";

    private Icons() {
    }
}
