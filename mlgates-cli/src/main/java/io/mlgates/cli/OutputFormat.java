package io.mlgates.cli;

/** How a verdict is shown on standard output. */
enum OutputFormat {
    table,
    json
}
