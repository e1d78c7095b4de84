package io.mlgates.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} alone, for commands whose {@code --version} is a registered model version: picocli's
 * standard help options bring {@code -V}/{@code --version} too, and with that clash it drops the help option.
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean requested;
}
