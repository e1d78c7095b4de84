package io.mlgates.core.policy;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An explicit, expiring exception: the checks it names show as WAIVED with its reason instead of failing. A waiver
 * whose expiry date has passed, or that names no approver, waives nothing and is itself a FAIL.
 *
 * @param check a check id, or a glob over check ids ({@code *} any run of characters, {@code ?} one character)
 * @param reason why the exception is acceptable
 * @param approver who approved it; empty makes the waiver a FAIL
 * @param expires the last day on which it applies
 */
public record Waiver(String check, String reason, Optional<String> approver, LocalDate expires) {
    public Waiver {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(expires, "expires");
        if (check.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a check id or pattern");
        }
    }

    /** Whether the check id matches this waiver's id or glob, exactly and in full. */
    public boolean matches(String checkId) {
        return glob(check).matcher(checkId).matches();
    }

    /** Whether the waiver applies on this day: approved and not past its expiry date. */
    public boolean isValidOn(LocalDate day) {
        return approver.isPresent() && !day.isAfter(expires);
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
