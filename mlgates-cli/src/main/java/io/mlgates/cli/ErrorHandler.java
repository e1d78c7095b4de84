package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.registry.RegistryTamperedException;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Bad input and unreadable files end with exit code 2 and a one-line message, not a stack trace. */
final class ErrorHandler implements IExecutionExceptionHandler {
    static final int TAMPERED = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL_ERROR = 3;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        if (e instanceof RegistryTamperedException) {
            // a registry holding what mlgates never writes is a finding, like a failed check, not bad input
            cli.getErr().println("mlgates: " + e.getMessage());
            cli.getErr().flush();
            return TAMPERED;
        }
        if (e instanceof BadInputException || e instanceof IOException) {
            cli.getErr().println("mlgates: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            cli.getErr().flush();
            return BAD_INPUT;
        }
        cli.getErr().println("mlgates: internal error: " + e);
        e.printStackTrace(cli.getErr());
        return INTERNAL_ERROR;
    }
}
