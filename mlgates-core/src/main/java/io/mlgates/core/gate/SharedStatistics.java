package io.mlgates.core.gate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.BadInputException;
import io.mlgates.core.EngineVersion;
import io.mlgates.core.data.FileDigest;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.FairnessPolicy;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.OrganisationRef;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.stats.RowStatistics;
import io.mlgates.core.stats.Statistics;
import io.mlgates.core.stats.StatisticsFiles;
import io.mlgates.core.workspace.Workspace;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One read of the predictions for two gates that run apart, as the two steps of a Jenkins build do: the first gate
 * reads the rows into the statistics of both gates' needs, judges from them (as {@link SharedRead} does in one
 * process), and keeps them in a file of the build's folder with the reader's account of the file; the second gate
 * hashes the predictions and judges from that file when it was kept for the same predictions, policy, columns and
 * engine, and carries the build's tag. Either way a result is the one a read of the rows gives ({@code data.source}
 * stays {@code rows}). A file that is missing, too large, untagged, tagged under another key, altered, or kept for
 * anything else is ignored: the rows are read, so nothing in the folder can turn into a verdict on its own.
 *
 * <p>The second gate need not hash the predictions when the first kept their {@link FileIdentity} with the statistics
 * and it is unchanged: the first gate keeps it when it was the same just before and just after its read and its
 * times were settled before it; the second takes the digest from the file kept for that identity, verified in full.
 *
 * <p>The file: a first line of JSON (format, version, what it was kept for, the reader's account, the predictions'
 * identity when kept), the statistics as {@code mlgates stats} writes them, and a last line {@code hmac-sha256 <hex>},
 * the HMAC-SHA256 under the build's key of every byte before it.
 */
public final class SharedStatistics {
    static final String FORMAT = "mlgates-shared-read";
    static final int VERSION = 1;
    /** The file of a prediction file's statistics: {@code <hex of its SHA-256>.shared}. */
    static final String SUFFIX = ".shared";
    /** Largest file kept or read: beyond it, the second gate reads the rows again. */
    public static final long MAX_BYTES = 256L << 20;
    /** Most files one build's folder holds (one per prediction file and policy judged). */
    public static final int MAX_FILES = 16;
    private static final String TAG_PREFIX = "hmac-sha256 ";
    private static final int TAG_LINE = TAG_PREFIX.length() + 64 + 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    /**
     * Statistics smaller than this are kept whatever their share of the predictions: reading either costs little. Past
     * it, statistics more than an eighth of the predictions' size are not kept (benchmarks/RESULTS.md).
     */
    static final long WORTH_KEEPING = 1L << 20;

    private SharedStatistics() {
    }

    /**
     * Where one build keeps its statistics, and the key that tags them. The folder's parent holds one folder per build
     * (the others' are removed when this one's is written), and lies outside the workspace.
     */
    public static final class Place {
        private final Path folder;
        private final byte[] key;
        private final Clock clock;
        /** Predictions smaller than this many bytes are read by each gate: see {@link #sharingFrom}. */
        private final long smallest;

        /** A place whose gates look at the time on this machine's clock, the one its file system stamps files by. */
        public Place(Path folder, byte[] key) {
            this(folder, key, Clock.systemUTC());
        }

        /**
         * @param folder this build's folder, absolute: {@code <workspace>@tmp/mlgates/<job>-<build>}
         * @param key the build's secret, at least 32 bytes, which never reaches the workspace
         * @param clock the time on the machine where the predictions lie, to which their file times are compared
         *     before their identity is kept ({@link FileIdentity#settledBefore})
         */
        public Place(Path folder, byte[] key, Clock clock) {
            this(folder, key, clock, 0);
        }

        private Place(Path folder, byte[] key, Clock clock, long smallest) {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(clock, "clock");
            if (!folder.isAbsolute() || folder.getParent() == null) {
                throw new IllegalArgumentException("the folder must be absolute, under a parent: " + folder);
            }
            if (key.length < 32) {
                throw new IllegalArgumentException("the key must have at least 32 bytes");
            }
            this.folder = folder.normalize();
            this.key = key.clone();
            this.clock = clock;
            if (smallest < 0) {
                throw new IllegalArgumentException("a size is never negative: " + smallest);
            }
            this.smallest = smallest;
        }

        /**
         * This place, where gates share only the reads of predictions of at least {@code bytes}: a gate reading
         * smaller ones on its own costs less than keeping their statistics and verifying them (the tag, the statistics
         * written and read again, all before the JIT has compiled any of it), as the CLI's two processes measure.
         */
        public Place sharingFrom(long bytes) {
            return new Place(folder, key, clock, bytes);
        }

        public Path folder() {
            return folder;
        }

        /**
         * Whether the folder stays clear of {@code dir} (a workspace, a step's working folder): not inside it, and
         * {@code dir} not inside the folder that holds every build's folder, whose other folders a build removes.
         */
        public boolean isOutside(Path dir) {
            Path d = dir.toAbsolutePath().normalize();
            return !folder.startsWith(d) && !d.startsWith(folder.getParent());
        }
    }

    /**
     * A gate's result, and what became of the sharing, for the log.
     *
     * @param reused whether the gate judged statistics an earlier gate kept, without reading the rows
     * @param unhashed whether, besides, the predictions were not hashed: their identity was the one the earlier gate
     *     kept with the statistics
     * @param note what happened, in words: kept, reused, or why the rows were read
     */
    public record Judged(GateResult result, boolean reused, boolean unhashed, String note) {
        public Judged {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(note, "note");
            if (unhashed && !reused) {
                throw new IllegalArgumentException("predictions left unhashed are those of kept statistics");
            }
        }

        /** A result of reading the rows. */
        static Judged read(GateResult result, String note) {
            return new Judged(result, false, false, note);
        }
    }

    /** How a gate says that it did not hash the predictions, and why that is sound: {@code reader} read them. */
    public static String unchangedSince(String reader) {
        return "its identity (device, inode, size, modification and change times) is unchanged since " + reader
                + " read it";
    }

    /** What a kept file must have been kept for: every part must be equal for the statistics to be judged. */
    record Kept(String predictions, String display, String policy, String organisation, String engine,
                String columns, String shape) {
        static Kept of(String digest, String display, LoadedPolicy loaded, PredictionSource source,
                       RowStatistics.Shape shape) {
            return new Kept(digest, display, loaded.digest(), loaded.organisation().map(OrganisationRef::digest)
                    .orElse(""), EngineVersion.current(), source.toString(), shape.toString());
        }

        /** The same needs, kept for the predictions of digest {@code digest}. */
        Kept withPredictions(String digest) {
            return new Kept(digest, display, policy, organisation, engine, columns, shape);
        }

        /** What differs from {@code other}, in words, or empty. */
        Optional<String> difference(Kept other) {
            List<String> parts = new ArrayList<>();
            if (!predictions.equals(other.predictions) || !display.equals(other.display)) {
                parts.add("predictions");
            }
            if (!policy.equals(other.policy) || !organisation.equals(other.organisation)) {
                parts.add("policy");
            }
            if (!columns.equals(other.columns) || !shape.equals(other.shape)) {
                parts.add("columns");
            }
            if (!engine.equals(other.engine)) {
                parts.add("engine version");
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
        }
    }

    /** A gate judged on its own, reading the rows. */
    @FunctionalInterface
    private interface Alone {
        GateResult judge() throws BadInputException;
    }

    /** A gate judged from a read of the rows for both gates. */
    @FunctionalInterface
    private interface FromRead {
        GateResult judge(SharedRead.Read read, ScoreBudget budget) throws BadInputException;
    }

    /**
     * What a request reads, and how.
     *
     * @param validation what the validation gate needs of the rows
     * @param ethics what the ethics gate needs of them
     * @param validating whether this gate is the validation gate
     */
    private record Reading(Workspace ws, LoadedPolicy loaded, Optional<RequestedFile> predictions,
                           PredictionSource source, RowStatistics.Shape validation, RowStatistics.Shape ethics,
                           boolean validating, ProgressListener progress, boolean statistics) {
        /** What this gate needs: what a kept file must hold for it. */
        RowStatistics.Shape own() {
            return validating ? validation : ethics;
        }

        /** What the other gate needs: what this gate keeps for it. */
        RowStatistics.Shape other() {
            return validating ? ethics : validation;
        }

        /** Both gates' needs, filled by one read. */
        RowStatistics.Shape both() {
            return validation.with(ethics.sensitive(), ethics.intersections(), ethics.overallRanks());
        }
    }

    /** The validation gate, from statistics kept in {@code place} by the ethics gate, or keeping them there. */
    public static Judged validate(ValidationRequest request, Place place) throws BadInputException {
        ValidationGate gate = new ValidationGate();
        return judge(request.workspace(), request.policy(), request.predictions(), request.columns(),
                request.policy().policy().ethics().fairness(), true, request.progress(), request.judgesStatistics(),
                place, () -> gate.evaluate(request), (read, budget) -> gate.evaluate(request, Optional.of(read),
                        budget));
    }

    /** The ethics gate, from statistics kept in {@code place} by the validation gate, or keeping them there. */
    public static Judged ethics(EthicsRequest request, Place place) throws BadInputException {
        EthicsGate gate = new EthicsGate();
        return judge(request.workspace(), request.policy(), request.predictions(), request.columns(),
                EthicsGate.fairness(request), false, request.progress(), request.judgesStatistics(), place,
                () -> gate.evaluate(request), (read, budget) -> gate.evaluate(request, Optional.of(read), budget));
    }

    /**
     * A gate's request, judged from a kept read or keeping one: the ethics gate reads the rows under {@code fairness}
     * (the policy's, or the ethics step's own).
     */
    private static Judged judge(Workspace ws, LoadedPolicy loaded, Optional<RequestedFile> predictions,
                                ColumnChoice columns, FairnessPolicy fairness, boolean validating,
                                ProgressListener progress, boolean statistics, Place place, Alone alone,
                                FromRead fromRead) throws BadInputException {
        Optional<RowStatistics.Shape> ethics = ethicsShape(ws, loaded, fairness);
        if (ethics.isEmpty()) {
            return Judged.read(alone.judge(), "read the rows: the model card cannot be read");
        }
        Policy policy = loaded.policy();
        Reading reading = new Reading(ws, loaded, predictions, columns.applyTo(policy.predictions()),
                RowStatistics.Shape.slices(policy), ethics.get(), validating, progress, statistics);
        return judge(reading, place, alone, fromRead);
    }

    /**
     * What the ethics gate reads of the rows under {@code fairness} (the policy's, or with a step's own sensitive
     * columns: then the two steps' shapes differ, and nothing is shared): the groups of the sensitive columns, the
     * rank summary when the model card declares a rank metric. Empty when the card cannot be read.
     */
    private static Optional<RowStatistics.Shape> ethicsShape(Workspace ws, LoadedPolicy loaded,
                                                             FairnessPolicy fairness) {
        Policy policy = loaded.policy();
        DocumentationChecks docs = new DocumentationChecks(ws, loaded.fileName().orElse("the default policy"),
                policy.ethics());
        try {
            docs.modelCard();
        } catch (BadInputException e) {
            return Optional.empty(); // the ethics gate says why
        }
        return Optional.of(EthicsGate.shape(policy, EthicsGate.sensitive(policy, fairness), fairness.intersections(),
                docs.cardDeclaresRankMetrics()));
    }

    private static Judged judge(Reading reading, Place place, Alone alone, FromRead fromRead)
            throws BadInputException {
        Optional<String> unshared = unshared(reading, place);
        if (unshared.isPresent()) {
            return Judged.read(alone.judge(), "read the rows: " + unshared.get());
        }
        Path path;
        try {
            path = JudgedFiles.predictions(reading.ws(), reading.predictions(), reading.loaded());
        } catch (BadInputException e) {
            return Judged.read(alone.judge(), "read the rows"); // the gate says what is wrong
        }
        String display = reading.ws().display(path);
        if (place.smallest > 0) {
            try {
                long size = Files.size(path);
                if (size < place.smallest) {
                    return Judged.read(alone.judge(), "read the rows: " + display + " has " + size + " bytes, fewer"
                            + " than the " + place.smallest + " from which a read is shared");
                }
            } catch (IOException e) {
                return Judged.read(alone.judge(), "read the rows"); // the gate says what is wrong
            }
        }
        Policy policy = reading.loaded().policy();
        String why;
        try (ScoreBudget budget = ScoreBudget.defaults()) {
            Found found = find(place, path, display, reading, budget);
            if (found.read().isPresent()) {
                return new Judged(fromRead.judge(found.read().get(), budget), true, found.unhashed(),
                        "judged the statistics of " + display + " (" + found.read().get().account().digest()
                        + ") that an earlier gate of this build kept; the rows were not read again" + (found
                        .unhashed() ? ", and the file was not hashed again: " + unchangedSince("the first gate") : ""));
            }
            Optional<SharedRead.Read> read = Optional.empty();
            // the file's identity just before and just after the read: kept only when it held still throughout
            Instant firstLook = place.clock.instant(); // before the look: a change after the look is later still
            Optional<FileIdentity> before = FileIdentity.of(path);
            try {
                read = SharedRead.rows(path, display, reading.source(), policy, reading.both(), Optional.empty(),
                        reading.progress(), budget);
            } catch (BadInputException e) {
                // told by the gate, on its own read
            }
            Optional<FileIdentity> after = FileIdentity.of(path);
            Optional<FileIdentity> identity = before.filter(b -> b.settledBefore(firstLook) && after.equals(before));
            if (read.isPresent()) {
                GateResult result = fromRead.judge(read.get(), budget);
                Kept kept = Kept.of(read.get().account().digest(), display, reading.loaded(), reading.source(),
                        reading.other());
                return Judged.read(result, found.why() + "; " + keep(place, kept, reading.other(), read.get(),
                        identity));
            }
            why = found.why() + "; a read for both gates dropped a row or met bad input, so this gate read the rows"
                    + " on its own, as it does alone";
        }
        return Judged.read(alone.judge(), why);
    }

    /** Why the statistics of this request are not shared at all, or empty when they may be. */
    private static Optional<String> unshared(Reading reading, Place place) {
        Policy policy = reading.loaded().policy();
        if (reading.statistics()) {
            return Optional.of("statistics files are judged");
        }
        if (policy.data().judged()) {
            return Optional.of("the policy's data drift reads input columns that the statistics do not hold");
        }
        try {
            if (SchemaChecks.declared(reading.ws(), policy, "the policy", new ArrayList<>()).isPresent()) {
                return Optional.of("the model declares an input schema, whose checks of every row's values are the"
                        + " validation gate's alone");
            }
        } catch (BadInputException e) {
            return Optional.of("the input schema cannot be read"); // the validation gate says why
        }
        if (!place.isOutside(reading.ws().root())) {
            return Optional.of("the folder for shared statistics is not outside the workspace");
        }
        return Optional.empty();
    }

    /**
     * A kept read, or why there is none.
     *
     * @param unhashed whether it was found by the predictions' identity, without hashing them
     */
    private record Found(Optional<SharedRead.Read> read, boolean unhashed, String why) {
    }

    private static Found none(String why) {
        return new Found(Optional.empty(), false, why);
    }

    /** The statistics kept for the predictions at {@code path}, when their file verifies and matches. */
    private static Found find(Place place, Path path, String display, Reading reading, ScoreBudget budget) {
        if (!hasFiles(place.folder())) {
            return none("no statistics kept in this build yet");
        }
        // The header of a kept file says what it was kept for: when none was kept for this gate's needs, hashing the
        // predictions (a second pass over them) cannot find one; when one was kept for the predictions' identity as
        // it is now, it names their digest. Only a pre-check: what is judged is verified below, identity included.
        Optional<FileIdentity> identity = FileIdentity.of(path);
        Survey survey = survey(place.folder(), Kept.of("", display, reading.loaded(), reading.source(),
                reading.own()), identity);
        if (survey.keptForOthers().isPresent()) {
            return none(survey.keptForOthers().get());
        }
        for (String digest : survey.sameIdentity()) {
            Found found = verified(place, digest, identity, display, reading, budget);
            if (found.read().isPresent()) {
                return new Found(found.read(), true, "");
            }
        }
        String digest;
        try {
            digest = FileDigest.of(path);
        } catch (IOException e) {
            return none("the predictions cannot be hashed");
        }
        return verified(place, digest, Optional.empty(), display, reading, budget);
    }

    /**
     * The statistics kept for the predictions of {@code digest}, when their file verifies in full (tag, format,
     * needs, the reader's account) and, where {@code identity} is given, was kept for that identity of the file.
     */
    private static Found verified(Place place, String digest, Optional<FileIdentity> identity, String display,
                                  Reading reading, ScoreBudget budget) {
        Path file = place.folder().resolve(hex(digest) + SUFFIX);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return none("no statistics kept for these predictions");
            }
            if (Files.size(file) > MAX_BYTES) {
                return none("the kept statistics are larger than " + MAX_BYTES + " bytes; ignored");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < TAG_LINE || bytes.length > MAX_BYTES || !verifies(bytes, place.key)) {
                return none("the kept statistics do not carry this build's tag (altered, or written by another"
                        + " hand); ignored");
            }
            int firstLine = indexOf(bytes, (byte) '\n', 0, bytes.length - TAG_LINE);
            if (firstLine < 0) {
                return none("the kept statistics have no header; ignored");
            }
            JsonNode header = JSON.readTree(new String(bytes, 0, firstLine, StandardCharsets.UTF_8));
            if (!FORMAT.equals(header.path("format").asText()) || header.path("version").asInt() != VERSION) {
                return none("the kept statistics are of another format; ignored");
            }
            Kept wanted = Kept.of(digest, display, reading.loaded(), reading.source(), reading.own());
            Optional<String> difference = keptFor(header.path("kept")).difference(wanted);
            if (difference.isPresent()) {
                return none("the kept statistics were kept for other " + difference.get());
            }
            ReadAccount account = account(header.path("account"));
            if (!account.digest().equals(digest) || account.rowsDropped() > 0) {
                return none("the kept statistics' account is not of these predictions; ignored");
            }
            if (identity.isPresent() && !identity(header).equals(identity)) {
                return none("the kept statistics were kept for another identity of the predictions");
            }
            Statistics statistics = StatisticsFiles.parse(Arrays.copyOfRange(bytes, firstLine + 1,
                    bytes.length - TAG_LINE), display, budget, PredictionReader.MAX_DISTINCT_VALUES);
            return new Found(Optional.of(new SharedRead.Read(account, new ValidationGate.Rows(statistics,
                    Optional.empty(), Optional.empty()))), false, "");
        } catch (IOException | BadInputException | RuntimeException e) {
            // a file that verifies but cannot be read is ignored like any other: the rows are read
            return none("the kept statistics cannot be read; ignored");
        }
    }

    /** Most bytes of a kept file's first line read to see what it was kept for. */
    private static final int MAX_HEADER = 64 << 10;

    /**
     * What the headers in a build's folder say, unverified: they only spare a hash that cannot lead anywhere, or lead
     * to the file to verify in full before anything in it is judged.
     *
     * @param keptForOthers why no file can be of use, when every one was kept for other needs than the gate's
     *     (policy, columns, engine, displayed file; the predictions' digest aside); empty when one may be, or when
     *     unsure
     * @param sameIdentity the predictions' digests that files kept for the gate's needs name, kept for the identity
     *     the predictions have now
     */
    private record Survey(Optional<String> keptForOthers, List<String> sameIdentity) {
        static final Survey UNSURE = new Survey(Optional.empty(), List.of());
    }

    private static Survey survey(Path folder, Kept wanted, Optional<FileIdentity> identity) {
        Optional<String> why = Optional.empty();
        boolean ofUse = false;
        List<String> sameIdentity = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                Optional<JsonNode> header = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? header(file)
                        : Optional.empty();
                Optional<Kept> kept = header.map(h -> h.path("kept")).filter(JsonNode::isObject)
                        .map(SharedStatistics::keptFor);
                if (kept.isEmpty()) {
                    return Survey.UNSURE;
                }
                // what differs once the predictions' digest is set aside: nothing, and the file may be of use
                Optional<String> difference = wanted.withPredictions(kept.get().predictions())
                        .difference(kept.get());
                if (difference.isEmpty()) {
                    ofUse = true;
                    if (identity.isPresent() && identity(header.get()).equals(identity)) {
                        hex(kept.get().predictions()); // a name that is no digest names no file to verify
                        sameIdentity.add(kept.get().predictions());
                    }
                } else if (why.isEmpty()) {
                    why = Optional.of("the kept statistics were kept for other " + difference.get());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Survey.UNSURE; // unsure: the full check decides
        }
        return new Survey(ofUse ? Optional.empty() : why, sameIdentity);
    }

    /** A kept file's first line as JSON, when it ends within {@link #MAX_HEADER} bytes and parses. */
    private static Optional<JsonNode> header(Path file) {
        byte[] head = new byte[MAX_HEADER];
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            int n = in.readNBytes(head, 0, head.length);
            int end = indexOf(head, (byte) '\n', 0, n);
            return end < 0 ? Optional.empty() : Optional.of(JSON.readTree(new String(head, 0, end,
                    StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasFiles(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Keeps {@code read}'s statistics for the other gate; says what became of them. Written in place, not renamed
     * into it: a file read half-written, or left half-written, lacks its tag and is ignored like any other.
     */
    private static String keep(Place place, Kept kept, RowStatistics.Shape other, SharedRead.Read read,
                               Optional<FileIdentity> identity) {
        Path folder = place.folder();
        Path file = folder.resolve(hex(kept.predictions()) + SUFFIX);
        boolean written = false;
        try {
            removeOtherBuilds(folder);
            Files.createDirectories(folder);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && count(folder) >= MAX_FILES) {
                return "not kept for the other gate: this build's folder holds " + MAX_FILES + " files already";
            }
            Files.deleteIfExists(file); // a link there is removed, not followed
            Mac mac = mac(place.key);
            try (Bounded out = new Bounded(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), mac)) {
                writeHeader(out, kept, read.account(), identity);
                read.rows().statistics().projected(!other.sliceColumns().isEmpty(), !other.sensitive().isEmpty(),
                        other.overallRanks()).write(new FilterOutputStream(out) {
                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                out.write(b, off, len);
                            }

                            @Override
                            public void close() throws IOException {
                                flush(); // the statistics' writer closes its stream; the tag follows
                            }
                        });
                out.writeUntagged((TAG_PREFIX + HexFormat.of().formatHex(mac.doFinal()) + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            long size = Files.size(file);
            if (size > WORTH_KEEPING && size > read.account().bytesRead() / 8) {
                return "not kept for the other gate: the statistics it needs take " + size + " bytes, more than an"
                        + " eighth of the predictions' " + read.account().bytesRead() + ", and would cost about as"
                        + " much to read as the rows";
            }
            written = true;
            return "kept the statistics of " + kept.display() + " for the other gate of this build" + (identity
                    .isPresent() ? ", with the file's identity, so that it need not hash the file again" : "; not"
                    + " its identity (a time less than " + FileIdentity.MARGIN.toSeconds() + " s before the read or"
                    + " after the clock, a change during the read, or no change time to be had), so the other gate"
                    + " hashes the file");
        } catch (IOException | RuntimeException e) {
            return "not kept for the other gate: " + (e instanceof TooLarge ? e.getMessage() : "the build's"
                    + " temporary folder cannot be written");
        } finally {
            if (!written) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // the folder is removed with the next build's; a file left half-written lacks its tag
                }
            }
        }
    }

    private static void writeHeader(OutputStream out, Kept kept, ReadAccount account,
                                    Optional<FileIdentity> identity) throws IOException {
        JsonGenerator g = JSON_FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeObjectFieldStart("kept");
        g.writeStringField("predictions", kept.predictions());
        g.writeStringField("display", kept.display());
        g.writeStringField("policy", kept.policy());
        g.writeStringField("organisation", kept.organisation());
        g.writeStringField("engine", kept.engine());
        g.writeStringField("columns", kept.columns());
        g.writeStringField("shape", kept.shape());
        g.writeEndObject();
        g.writeObjectFieldStart("account");
        strings(g, "classNames", account.classNames());
        g.writeBooleanField("hasScores", account.hasScores());
        g.writeBooleanField("hasPredictions", account.hasPredictions());
        g.writeNumberField("rowsRead", account.rowsRead());
        g.writeNumberField("rowsDropped", account.rowsDropped());
        strings(g, "dropReasons", account.dropReasons());
        g.writeNumberField("failedPredictions", account.failedPredictions());
        strings(g, "failureReasons", account.failureReasons());
        g.writeNumberField("bytesRead", account.bytesRead());
        strings(g, "classesEmptiedByDrop", account.classesEmptiedByDrop());
        g.writeStringField("digest", account.digest());
        g.writeEndObject();
        if (identity.isPresent()) {
            FileIdentity id = identity.get();
            g.writeObjectFieldStart("identity");
            g.writeNumberField("device", id.device());
            g.writeNumberField("inode", id.inode());
            g.writeNumberField("size", id.size());
            g.writeStringField("modified", id.modified().toString());
            g.writeStringField("changed", id.changed().toString());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.close();
        out.write('\n');
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static Kept keptFor(JsonNode node) {
        return new Kept(text(node, "predictions"), text(node, "display"), text(node, "policy"),
                text(node, "organisation"), text(node, "engine"), text(node, "columns"), text(node, "shape"));
    }

    /** The identity a header names, or empty when it names none (or none that reads as one). */
    private static Optional<FileIdentity> identity(JsonNode header) {
        JsonNode node = header.path("identity");
        if (!node.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileIdentity(number(node, "device"), number(node, "inode"), number(node, "size"),
                    Instant.parse(text(node, "modified")), Instant.parse(text(node, "changed"))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ReadAccount account(JsonNode node) {
        return new ReadAccount(strings(node, "classNames"), node.path("hasScores").asBoolean(),
                node.path("hasPredictions").asBoolean(), number(node, "rowsRead"), number(node, "rowsDropped"),
                strings(node, "dropReasons"), number(node, "failedPredictions"), strings(node, "failureReasons"),
                number(node, "bytesRead"), strings(node, "classesEmptiedByDrop"), text(node, "digest"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("expected the text " + name);
        }
        return value.textValue();
    }

    private static long number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("expected the whole number " + name);
        }
        return value.longValue();
    }

    private static List<String> strings(JsonNode node, String name) {
        JsonNode array = node.get(name);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("expected the list " + name);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }

    /** Removes the folders of other builds beside {@code folder}: a workspace keeps one build's statistics. */
    private static void removeOtherBuilds(Path folder) throws IOException {
        Path parent = folder.getParent();
        if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> builds = Files.newDirectoryStream(parent)) {
            for (Path build : builds) {
                if (build.getFileName().equals(folder.getFileName())) {
                    continue;
                }
                try {
                    if (Files.isDirectory(build, LinkOption.NOFOLLOW_LINKS)) {
                        try (DirectoryStream<Path> files = Files.newDirectoryStream(build)) {
                            for (Path file : files) {
                                Files.deleteIfExists(file);
                            }
                        }
                    }
                    Files.deleteIfExists(build);
                } catch (IOException e) {
                    // what this engine did not write there (a folder in a build's folder) stays; ours go
                }
            }
        }
    }

    private static long count(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }

    private static boolean verifies(byte[] bytes, byte[] key) {
        int body = bytes.length - TAG_LINE;
        String line = new String(bytes, body, TAG_LINE, StandardCharsets.US_ASCII);
        if (!line.startsWith(TAG_PREFIX) || bytes[bytes.length - 1] != '\n') {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(line, TAG_PREFIX.length(), TAG_LINE - 1);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Mac mac = mac(key);
        mac.update(bytes, 0, body);
        return MessageDigest.isEqual(mac.doFinal(), given);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The hex part of a {@code sha256:} digest, which names the file. */
    private static String hex(String digest) {
        String hex = digest.substring(digest.indexOf(':') + 1);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + digest);
        }
        return hex;
    }

    /** Past {@link #MAX_BYTES}: the statistics are not kept. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the statistics would take more than " + MAX_BYTES + " bytes");
        }
    }

    /** Writes through the MAC, and refuses to grow past {@link #MAX_BYTES}. */
    private static final class Bounded extends FilterOutputStream {
        private final Mac mac;
        private long written;

        Bounded(OutputStream out, Mac mac) {
            super(new BufferedOutputStream(out, 1 << 16));
            this.mac = mac;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            mac.update(b, off, len);
            writeUntagged(b, off, len);
        }

        void writeUntagged(byte[] b) throws IOException {
            writeUntagged(b, 0, b.length);
        }

        private void writeUntagged(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > MAX_BYTES) {
                throw new TooLarge();
            }
            out.write(b, off, len);
        }
    }
}
