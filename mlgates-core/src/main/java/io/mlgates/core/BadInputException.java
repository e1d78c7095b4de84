package io.mlgates.core;

import java.util.Objects;

/**
 * Input the engine cannot judge: a malformed policy, a prediction file that cannot be read, a path outside the
 * workspace. The message always names the file and, where there is one, the line and column, so that the user
 * can go straight to it. The command-line tool exits 2 on it; no verdict is formed.
 */
public class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final long column;
    private final String problem;

    /**
     * @param file the file as the user knows it (relative to the model repository where possible)
     * @param line 1-based line, or 0 when the problem concerns the whole file
     * @param column 1-based column, or 0 when unknown
     * @param problem what is wrong and what was expected
     */
    public BadInputException(String file, long line, long column, String problem) {
        super(format(file, line, column, problem));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public BadInputException(String file, long line, long column, String problem, Throwable cause) {
        this(file, line, column, problem);
        initCause(cause);
    }

    private static String format(String file, long line, long column, String problem) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where + ": " + problem;
    }

    public String file() {
        return file;
    }

    /** 1-based line, 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    /** What is wrong, without the place: to tell it again at another place (a line counted from elsewhere). */
    public String problem() {
        return problem;
    }

    public long column() {
        return column;
    }
}
