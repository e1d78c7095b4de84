package io.mlgates.core.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The memory the exact rank metrics may hold scores in, shared by every score store of one evaluation (each class,
 * each slice, each parallel range), and the temporary folder their sorted runs spill to beyond it. Thread-safe.
 *
 * <p>The folder is made on the first spill and removed with every run in it by {@link #close()}; a shutdown hook
 * removes it too if the process ends first (an interrupt, a kill), and {@link #close()} unregisters the hook, so
 * that nothing is left in the temporary folder.
 */
public final class ScoreBudget implements AutoCloseable {
    /** The share of the heap that the scores may hold by default. */
    public static final double DEFAULT_HEAP_FRACTION = 0.25;
    /** Below this a budget could not hold one run worth merging. */
    public static final long MIN_BYTES = 64 * 1024;

    private final long bytes;
    private final Path parent;
    private final AtomicLong reserved = new AtomicLong();
    private Path folder;
    private Thread cleanup;
    /** Set by the shutdown hook: no run is handed out after it, so that its removal is not outpaced by new runs. */
    private boolean shuttingDown;
    private long runs;

    private ScoreBudget(long bytes, Path parent) {
        if (bytes < MIN_BYTES) {
            throw new IllegalArgumentException("a score memory budget of at least " + MIN_BYTES + " bytes: " + bytes);
        }
        this.bytes = bytes;
        this.parent = parent;
    }

    /** @param parent the folder in which the spill folder is made */
    public static ScoreBudget ofBytes(long bytes, Path parent) {
        return new ScoreBudget(bytes, parent);
    }

    /**
     * The system property that sets the budget: bytes, or a number with {@code k}, {@code m} or {@code g}
     * ({@code MLGATES_OPTS=-Dmlgates.scoreMemory=2g}).
     */
    public static final String PROPERTY = "mlgates.scoreMemory";

    /**
     * The budget {@link #PROPERTY} sets, else {@link #DEFAULT_HEAP_FRACTION} of the maximum heap; spilling to
     * {@code java.io.tmpdir}.
     *
     * @throws IllegalArgumentException when the property is set to something else than a size
     */
    public static ScoreBudget defaults() {
        String set = System.getProperty(PROPERTY, "").trim();
        long bytes = set.isEmpty() ? Math.max(MIN_BYTES, (long) (Runtime.getRuntime().maxMemory()
                * DEFAULT_HEAP_FRACTION)) : size(set);
        return new ScoreBudget(bytes, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Parses a size as {@link #PROPERTY} takes it. */
    static long size(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,15})([kKmMgG]?)").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + text + ": expected a size in bytes, or with"
                    + " k, m or g (512m, 2g)");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        long bytes = n << shift;
        if (bytes >> shift != n || bytes < MIN_BYTES) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + text + ": expected at least " + MIN_BYTES
                    + " bytes (64k)");
        }
        return bytes;
    }

    public long bytes() {
        return bytes;
    }

    /** Takes {@code n} bytes of the budget if that many are left. */
    boolean reserve(long n) {
        while (true) {
            long used = reserved.get();
            if (used + n > bytes) {
                return false;
            }
            if (reserved.compareAndSet(used, used + n)) {
                return true;
            }
        }
    }

    /** Takes {@code n} bytes whether or not that many are left: memory that exists anyway, or a least share. */
    void take(long n) {
        reserved.addAndGet(n);
    }

    /** Whether more than the budget is taken. */
    boolean over() {
        return reserved.get() > bytes;
    }

    /** Whether more than half the budget is taken. */
    boolean pastHalf() {
        return reserved.get() > bytes / 2;
    }

    void release(long n) {
        reserved.addAndGet(-n);
    }

    /** A new, empty file for one sorted run. */
    synchronized Path newRun() throws IOException {
        if (shuttingDown) {
            throw new IOException("the process is shutting down: scores are not spilled any more");
        }
        if (folder == null) {
            folder = Files.createTempDirectory(parent, "mlgates-scores-");
            Path made = folder;
            Thread hook = new Thread(() -> removeAtShutdown(made), "mlgates-score-spill-cleanup");
            try {
                Runtime.getRuntime().addShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the process is ending (a SIGTERM while this thread still reads): the hooks that remove spilled
                // runs have started without this folder, so remove it here and spill nothing more
                deleteQuietly(made);
                folder = null;
                throw new IOException("the process is shutting down: scores are not spilled to " + made);
            }
            cleanup = hook;
        }
        return folder.resolve("run-" + (runs++) + ".bin");
    }

    /** Run files made so far, merged ones included (for tests). */
    synchronized long runFiles() {
        return runs;
    }

    /** Bytes taken now (for tests). */
    long taken() {
        return reserved.get();
    }

    /** Whether any run was spilled (for tests and the result's notes). */
    synchronized boolean spilled() {
        return runs > 0;
    }

    /** Removes every spilled run and the folder; the budget can spill again afterwards. */
    @Override
    public synchronized void close() {
        if (folder == null) {
            return;
        }
        deleteQuietly(folder);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it deletes the same folder
        }
        folder = null;
        cleanup = null;
    }

    private void removeAtShutdown(Path made) {
        synchronized (this) {
            shuttingDown = true;
        }
        // at most the runs already handed out can still appear: deleteQuietly lists again until none is left
        deleteQuietly(made);
    }

    private static void deleteQuietly(Path folder) {
        // a range still reading may create a run between the listing and the folder's removal: list again
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(folder);
                return;
            } catch (java.nio.file.NoSuchFileException gone) {
                return;
            } catch (IOException e) {
                if (attempt == 50) {
                    throw new UncheckedIOException("cannot remove the spilled score runs in " + folder, e);
                }
                // a loaded machine can keep a writer between our listing and the folder's removal: give it time
                try {
                    Thread.sleep(5);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
