package io.mlgates.plugin;

/**
 * The plugin's icon, a symbol: {@code images/symbols/ml-gates.svg} in the plugin's jar, drawn in
 * {@code currentColor}, so it takes the theme's text colour (light or dark) as Jenkins' own symbols do. Jenkins finds
 * it by this name and the plugin's short name.
 */
final class Icons {
    static final String GATE = "symbol-ml-gates plugin-ml-gates";

    private Icons() {
    }
}
