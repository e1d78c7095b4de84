package io.mlgates.cli;

import io.mlgates.core.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Start-up work that no argument decides, done on a second thread while the main thread builds and parses the command
 * line (picocli's reflective model): the policy schema (with Jackson's and the schema validator's start), SHA-256
 * and, when reads may be shared, HmacSHA256 (the security providers' start). It only makes their first real use
 * cheap; what it builds besides the schema is dropped. A gate command waits for it ({@link #await}) before it
 * touches the engine, so that no two threads initialise the engine's classes at once (a cycle between two classes'
 * initialisers, begun from both ends, would deadlock).
 *
 * <p>Errors: an exception leaves nothing behind (the main thread meets it again when it does the same work) and is
 * dropped; an {@link Error} (out of memory, a class that failed to initialise, which the JVM then refuses to any other
 * thread with another error) is kept and thrown by {@link #await} on the main thread, where it ends the run as it
 * would have from the work itself.
 */
final class Preparation {
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Error> error = new AtomicReference<>();

    private Preparation() {
    }

    /** Nothing to wait for: what commands that do not judge get. */
    static Preparation none() {
        Preparation none = new Preparation();
        none.done.countDown();
        return none;
    }

    /** Starts the preparation of a gate run with these environment variables, on a daemon thread of its own. */
    static Preparation ofGate(Map<String, String> variables) {
        boolean sharing = !"off".equalsIgnoreCase(variables.getOrDefault(SharedReads.VARIABLE, "").trim());
        return start(() -> {
            PolicyLoader.prepare();
            digest("SHA-256");
            if (sharing) {
                mac("HmacSHA256");
            }
        });
    }

    /** Starts {@code work} on a daemon thread: one the JVM does not wait for when the command ends without it. */
    static Preparation start(Runnable work) {
        Objects.requireNonNull(work, "work");
        Preparation preparation = new Preparation();
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Exception e) {
                // the main thread does this work again and meets the exception there, where it is reported
            } catch (Error e) {
                preparation.error.set(e);
            } finally {
                preparation.done.countDown();
            }
        }, "mlgates-preparation");
        thread.setDaemon(true);
        thread.start();
        return preparation;
    }

    /** Waits until the work is done, then throws the {@link Error} it ended with, if any. */
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
