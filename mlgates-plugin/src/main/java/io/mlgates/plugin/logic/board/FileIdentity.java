package io.mlgates.plugin.logic.board;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * What tells a file's content changed without reading it: an append grows it, a rewrite (compaction, an atomic
 * replace) gives it a new file key (inode) and modification time.
 *
 * @param fileKey the file system's key for the file, or null where it has none
 * @param size its size in bytes
 * @param modified its modification time
 */
record FileIdentity(Object fileKey, long size, FileTime modified) {
    /** The file's identity now; empty when there is no such file. */
    static Optional<FileIdentity> of(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? Optional.of(new FileIdentity(a.fileKey(), a.size(), a.lastModifiedTime()))
                    : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
