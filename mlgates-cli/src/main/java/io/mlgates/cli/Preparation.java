package io.mlgates.cli;

import io.mlgates.core.metrics.Intervals;
import io.mlgates.core.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.stream.FactoryConfigurationError;
import javax.xml.stream.XMLOutputFactory;

/**
 * Start-up work that no argument decides, done on other threads while the main thread builds and parses the command
 * line (picocli's reflective model): the policy schema (with Jackson's and the schema validator's start) and what
 * {@link #ofGate} lists. It only makes their first real use cheap; what it builds besides the schema is dropped. A
 * gate command waits for it ({@link #await}) before it touches the engine, so that no two threads initialise the
 * engine's classes at once (a cycle between two classes' initialisers, begun from both ends, would deadlock).
 *
 * <p>Errors: an exception leaves nothing behind (the main thread meets it again when it does the same work) and is
 * dropped; an {@link Error} (out of memory, a class that failed to initialise, which the JVM then refuses to any other
 * thread with another error) is kept and thrown by {@link #await} on the main thread, where it ends the run as it
 * would have from the work itself.
 */
final class Preparation {
    private final CountDownLatch done;
    private final AtomicReference<Error> error = new AtomicReference<>();

    private Preparation(int works) {
        done = new CountDownLatch(works);
    }

    /** Nothing to wait for: what commands that do not judge get. */
    static Preparation none() {
        return new Preparation(0);
    }

    /**
     * Starts the preparation of a gate run with these environment variables, on two daemon threads: the schema, the
     * longest part, on one; on the other what shares none of its classes (the security providers, Commons Math's
     * normal distribution of the intervals, the StAX factory of the JUnit XML), which the gate would otherwise start
     * after the wait.
     */
    static Preparation ofGate(Map<String, String> variables) {
        boolean sharing = !SharedReads.off(variables);
        return start(List.of(PolicyLoader::prepare, () -> {
            digest("SHA-256");
            if (sharing) {
                mac("HmacSHA256");
            }
            Intervals.z(0.95);
            xmlOutput();
        }));
    }

    /** Starts each of {@code works} on a daemon thread: one the JVM does not wait for when the command ends first. */
    static Preparation start(List<Runnable> works) {
        Preparation preparation = new Preparation(works.size());
        for (Runnable work : works) {
            Objects.requireNonNull(work, "work");
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    // the main thread does this work again and meets the exception there, where it is reported
                } catch (Error e) {
                    preparation.error.compareAndSet(null, e);
                } finally {
                    preparation.done.countDown();
                }
            }, "mlgates-preparation");
            thread.setDaemon(true);
            thread.start();
        }
        return preparation;
    }

    /** Waits until all the work is done, then throws the first {@link Error} it ended with, if any. */
    void await() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the work is short and must end before the engine runs: wait on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Error failed = error.get();
        if (failed != null) {
            throw failed;
        }
    }

    private static void digest(String algorithm) {
        try {
            MessageDigest.getInstance(algorithm).digest(algorithm.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // the gate meets this itself and says so
        }
    }

    private static void xmlOutput() {
        try {
            XMLOutputFactory.newFactory();
        } catch (FactoryConfigurationError e) {
            // the JUnit XML meets this itself and says so
        }
    }

    private static void mac(String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(new byte[32], algorithm));
            mac.doFinal(algorithm.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // shared reads meet this themselves
        }
    }
}
