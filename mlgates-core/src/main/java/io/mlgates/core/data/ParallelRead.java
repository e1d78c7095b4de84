package io.mlgates.core.data;

import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a CSV prediction file in ranges on several threads, each range filling its own shard, and merges them in
 * file order into what one read from the start gives.
 *
 * <p>The ranges are fixed-size pieces of the file (not one per thread), so that the merge, and with it every sum, is
 * the same on any number of cores. A range starts after the first line break at or after its nominal start and owns
 * the records that start before the next one's nominal start. A line break inside a quoted field would make that
 * start wrong: each range ends where its own reading says the next record starts, and a range that began elsewhere
 * is read again from there (sequentially, in file order), so quoted line breaks cost time, never correctness.
 *
 * <p>Lines are counted per range and shifted once the ranges before are known; the first bad row in file order wins,
 * as in a sequential read. Where ranges cannot tell on their own what a read from the start would do (labels met in
 * another order than the file's, more group values or classes than allowed, a sum past the range of a double), the
 * file is read again from the start on one thread.
 */
final class ParallelRead {
    /** Bytes a range covers: large enough that the merge costs nothing, small enough to spread over cores. */
    static final long RANGE = 8L << 20;

    private ParallelRead() {
    }

    /** One range read. */
    private record Range<S>(long start, long end, long lines, PredictionReader reader, S shard,
                            BadInputException malformed, RuntimeException fault) {
    }

    /**
     * What reading the ranges gave: the merged shard, or empty when a read from the start must decide; or, with
     * {@code again}, nothing, because a range began in the wrong place after its thread had tallied its rows.
     */
    private record Merged<S>(Optional<S> total, boolean again) {
        static <S> Merged<S> of(Optional<S> total) {
            return new Merged<>(total, false);
        }
    }

    static <S> S read(PredictionReader whole, PredictionReader.Shards<S> shards, int threads, long rangeBytes)
            throws BadInputException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        long size;
        try {
            size = whole.channel.size();
        } catch (IOException e) {
            throw new BadInputException(whole.file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        AtomicInteger number = new AtomicInteger();
        List<Thread> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "mlgates-read-" + number.incrementAndGet());
            t.setDaemon(true);
            started.add(t);
            return t;
        });
        AtomicBoolean ended = new AtomicBoolean();
        try {
            Future<String> digest = pool.submit(() -> FileDigest.of(whole.channel, ended::get));
            // each thread keeps one tally across the ranges it reads, where the shards count what they can
            Merged<S> read = readRanges(whole, shards, pool, threads, size, rangeBytes,
                    shards.tally().isPresent() ? new ConcurrentHashMap<>() : null);
            if (read.again()) {
                read = readRanges(whole, shards, pool, threads, size, rangeBytes, null);
            }
            Optional<S> merged = read.total();
            if (merged.isEmpty()) {
                merged = readRanges(whole, shards, null, 1, size, Long.MAX_VALUE, null).total();
            }
            whole.adoptDigest(await(digest, whole.file));
            whole.bytesRead = size;
            return merged.orElseThrow();
        } finally {
            // no interrupt: it would close the channel the others read; a range's read is short, and the digest,
            // which is not once the read has failed, stops at the flag
            ended.set(true);
            pool.shutdown();
            boolean interrupted = false;
            while (true) {
                try {
                    if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            // a terminated pool's last worker may still be on its way out: the read ends when its threads have
            for (Thread t : started) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Reads the file's ranges of {@code rangeBytes} (on the pool; without one, on this thread) and merges them into
     * {@code whole}; empty when a read from the start must decide.
     *
     * @param tallies where each thread's tally is kept, by thread; null for none
     */
    private static <S> Merged<S> readRanges(PredictionReader whole, PredictionReader.Shards<S> shards,
                                            ExecutorService pool, int threads, long size, long rangeBytes,
                                            Map<Thread, PredictionReader.WorkerTally> tallies)
            throws BadInputException {
        long dataStart = whole.header.dataStart();
        long count = rangeBytes == Long.MAX_VALUE ? 1 : Math.max(1, (size - dataStart + rangeBytes - 1) / rangeBytes);
        Deque<Future<Range<S>>> pending = new ArrayDeque<>();
        try {
            return mergeRanges(whole, shards, pool, threads, size, rangeBytes, count, pending, tallies);
        } finally {
            // ranges not begun when the merge ended (an error, a read from the start) are not read
            pending.forEach(f -> f.cancel(false));
        }
    }

    private static <S> Merged<S> mergeRanges(PredictionReader whole, PredictionReader.Shards<S> shards,
                                             ExecutorService pool, int threads, long size, long rangeBytes,
                                             long count, Deque<Future<Range<S>>> pending,
                                             Map<Thread, PredictionReader.WorkerTally> tallies)
            throws BadInputException {
        long dataStart = whole.header.dataStart();
        long submitted = 0;
        long expectedStart = dataStart;
        long offset = whole.header.dataLine() - 1;
        PredictionReader merged = null;
        S total = null;
        List<Set<String>> groupValues = new ArrayList<>();
        for (int i = 0; i < whole.groupColumns.size(); i++) {
            groupValues.add(new HashSet<>());
        }
        PredictionReader.Reason first = null;
        long firstColumn = 0;
        String firstHint = null;
        boolean malformedPast = false;
        long all = 0;
        long valid = 0;
        long invalid = 0;
        for (long k = 0; k < count; k++) {
            while (pool != null && submitted < count && submitted < k + 2L * threads) {
                long r = submitted++;
                pending.add(pool.submit(() -> readRange(whole, shards, tallies, r, guessStart(whole, r, dataStart,
                        rangeBytes, size), limit(r, count, dataStart, rangeBytes))));
            }
            Range<S> range = pool == null ? readRange(whole, shards, null, k, expectedStart, Long.MAX_VALUE)
                    : await(pending.poll(), whole.file);
            if (range.start() != expectedStart) {
                if (tallies != null) {
                    // its thread's tally holds rows that are not the range's: read again, without tallies
                    return new Merged<>(Optional.empty(), true);
                }
                // the guessed start lay inside a quoted field: read the range again from where its record starts
                range = readRange(whole, shards, null, k, expectedStart, limit(k, count, dataStart, rangeBytes));
            }
            PredictionReader reader = range.reader();
            reader.absolutize(offset);
            if (range.fault() != null) {
                if (count > 1 || tallies != null) {
                    return Merged.of(Optional.empty());
                }
                throw new BadInputException(whole.file, reader.line(), 0, range.fault().getMessage());
            }
            if (range.malformed() != null) {
                if (first == null) {
                    BadInputException e = range.malformed();
                    throw new BadInputException(whole.file, e.line() + offset, e.column(), e.problem(), e);
                }
                malformedPast = true;
                break;
            }
            if (merged == null) {
                merged = reader;
            } else if (!merged.absorb(reader)) {
                return Merged.of(Optional.empty());
            }
            for (int i = 0; i < groupValues.size(); i++) {
                groupValues.get(i).addAll(reader.groupValues.get(i).values());
                if (groupValues.get(i).size() > PredictionReader.MAX_DISTINCT_VALUES) {
                    return Merged.of(Optional.empty());
                }
            }
            if (first == null) {
                shards.shiftLines(range.shard(), offset);
                try {
                    if (total == null) {
                        total = range.shard();
                    } else {
                        shards.merge(total, range.shard());
                    }
                } catch (ArithmeticException | IllegalArgumentException e) {
                    if (count > 1 || tallies != null) {
                        return Merged.of(Optional.empty());
                    }
                    throw new BadInputException(whole.file, reader.line(), 0, e.getMessage());
                }
            }
            all += reader.rows + reader.dropped + reader.restValid + reader.restInvalid;
            valid += reader.rows + reader.restValid;
            invalid += reader.restInvalid;
            if (first == null && reader.firstInvalid != null) {
                first = reader.firstInvalid;
                firstColumn = reader.firstInvalidColumn;
                firstHint = reader.firstInvalidHint;
            }
            if (reader.malformedAfterFirst) {
                malformedPast = true;
                break;
            }
            offset += range.lines();
            expectedStart = range.end();
            whole.progress.onProgress(valid, expectedStart);
        }
        whole.adopt(merged);
        if (first != null) {
            throw whole.explained(first.line(), firstColumn, first.message(), firstHint, malformedPast, all, valid,
                    invalid);
        }
        Optional<String> problem = whole.fileProblem();
        if (problem.isPresent()) {
            throw new BadInputException(whole.file, 0, 0, problem.get());
        }
        if (tallies != null) {
            try {
                shards.complete(total, List.copyOf(tallies.values()));
            } catch (ArithmeticException | IllegalArgumentException e) {
                // a sum past double's range, say: a read from the start, without tallies, finds its row
                return Merged.of(Optional.empty());
            }
        }
        return Merged.of(Optional.of(total));
    }

    private static long limit(long k, long count, long dataStart, long rangeBytes) {
        return k == count - 1 ? Long.MAX_VALUE : dataStart + (k + 1) * rangeBytes;
    }

    /** Where range {@code k} starts if no quoted field holds the line break before it. */
    private static long guessStart(PredictionReader whole, long k, long dataStart, long rangeBytes, long size)
            throws BadInputException {
        return k == 0 ? dataStart : CsvRows.afterLineBreak(whole.file, whole.channel, dataStart + k * rangeBytes - 1,
                size);
    }

    private static <S> Range<S> readRange(PredictionReader whole, PredictionReader.Shards<S> shards,
                                          Map<Thread, PredictionReader.WorkerTally> tallies, long k, long start,
                                          long limit) throws BadInputException {
        PredictionReader reader = whole.range(start, limit);
        S shard = tallies == null ? shards.create() : shards.create(tallies.computeIfAbsent(Thread.currentThread(),
                t -> shards.tally().orElseThrow()));
        BadInputException malformed = null;
        RuntimeException fault = null;
        try {
            while (reader.next()) {
                try {
                    shards.add(shard, reader);
                } catch (ArithmeticException | IllegalArgumentException e) {
                    // numbers no double can hold, too many groups: told at the row, as a read from the start would
                    fault = e;
                    break;
                }
            }
        } catch (BadInputException e) {
            malformed = e;
        }
        return new Range<>(start, reader.position(), reader.linesRead(), reader, shard, malformed, fault);
    }

    private static <T> T await(Future<T> future, String file) throws BadInputException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading " + file);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BadInputException bad) {
                throw bad;
            }
            if (cause instanceof IOException io) {
                throw new BadInputException(file, 0, 0, "cannot read: " + io.getMessage(), io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error; // out of memory, as on this thread
            }
            throw new IllegalStateException(cause);
        }
    }
}
