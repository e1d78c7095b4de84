package io.mlgates.core.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * I/O failures as a person reads them: what was being done, to which file, and why ("cannot write
 * .mlgates/results/validate.json: No space left on device"). Java names some causes only by the exception's type.
 */
final class FileProblems {
    private FileProblems() {
    }

    /** An exception that names {@code file} and the cause; one already naming it (a nested failure) is kept. */
    static IOException named(String action, Path file, IOException e) {
        if (e instanceof NamedFileProblem) {
            return e;
        }
        return new NamedFileProblem(action + " " + file + ": " + cause(e), e);
    }

    /** The innermost I/O failure's reason: writers such as the XML one wrap the operating system's in their own. */
    static String cause(IOException outer) {
        IOException e = outer;
        for (Throwable t = outer.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException io && !(t instanceof NamedFileProblem)) {
                e = io;
            }
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (fs.getOtherFile() != null ? " (" + fs.getOtherFile() + ")" : "");
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "something else already exists there";
        }
        if (e instanceof NotDirectoryException) {
            return "a file is where a folder is needed";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Marks a message that already says which file failed, so that callers up the stack do not wrap it again. */
    static final class NamedFileProblem extends IOException {
        private static final long serialVersionUID = 1L;

        NamedFileProblem(String message, IOException cause) {
            super(message, cause);
        }
    }
}
