package io.mlgates.core.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a file system says of a file without reading it: device, inode, size, modification and change time, with the
 * nanoseconds the file system keeps. Equal identities, looked at apart, stand for the same bytes when the first look
 * was {@link #settledBefore settled}, as Git's index and Bazel's digest cache take them: every write moves the change
 * time, which the kernel sets to its own clock and no call of a user's can set back (changing the modification time
 * back moves it too).
 *
 * @param modified the modification time, which a user may set
 * @param changed the change time (of the contents or of the inode), which only the kernel sets
 */
record FileIdentity(long device, long inode, long size, Instant modified, Instant changed) {
    /**
     * How long before the first look the file's times must lie. A change within the same tick of the file system's
     * clock as the one before it leaves every part equal: where times are kept to the second (ext3, HFS+, some
     * network file systems) or to two seconds, a time two seconds old is one that any later change must move past;
     * it also covers a small skew between this clock and the file system's (a file server's).
     */
    static final Duration MARGIN = Duration.ofSeconds(2);

    FileIdentity {
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(changed, "changed");
        if (size < 0) {
            throw new IllegalArgumentException("a file's size is never negative: " + size);
        }
    }

    /**
     * The identity of the file at {@code path} (the link's target, which is what a read reads), or empty where the
     * file system has no {@code unix} view (no change time to be had) or the file cannot be looked at.
     */
    static Optional<FileIdentity> of(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino,size,lastModifiedTime,ctime");
            return Optional.of(new FileIdentity((Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("size"),
                    ((FileTime) a.get("lastModifiedTime")).toInstant(), ((FileTime) a.get("ctime")).toInstant()));
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether both times lie at least {@link #MARGIN} before {@code firstLook}, the clock's time just before this
     * identity was looked at: then any change after that look gives a later change time, and a time past the clock
     * (set ahead, or a clock behind the file system's) proves nothing.
     */
    boolean settledBefore(Instant firstLook) {
        Instant latest = firstLook.minus(MARGIN);
        return !modified.isAfter(latest) && !changed.isAfter(latest);
    }
}
