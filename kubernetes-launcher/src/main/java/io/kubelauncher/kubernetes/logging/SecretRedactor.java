package io.kubelauncher.kubernetes.logging;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text bound for a log line or an error message: the exact values registered
 * (the auth token, as soon as it is read), and, as a second line of defence for values never
 * registered, anything shaped like a bearer credential or a JSON Web Token (service account tokens
 * are JWTs).
 *
 * <p>Thread-safe: secrets are registered at start-up and on reload while other threads log.
 */
public final class SecretRedactor {

    public static final String MASK = "[REDACTED]";

    /** Shorter values would mask ordinary words; no real token is this short. */
    static final int MIN_SECRET_LENGTH = 8;

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /**
     * Registers a secret value; every later {@link #redact} masks it. Surrounding white space is
     * ignored (token files usually end with a newline).
     *
     * @throws IllegalArgumentException for a value too short to mask safely
     */
    public void register(String secret) {
        Objects.requireNonNull(secret, "secret");
        String value = secret.strip();
        if (value.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("a secret must have at least " + MIN_SECRET_LENGTH
                    + " characters to be masked safely");
        }
        if (!secrets.contains(value)) {
            secrets.add(value);
            // Longest first, so a secret containing another is masked whole.
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    /**
     * Wraps a secret's source (a token file that rotates) so that every value it hands out is
     * registered before anyone can log it.
     */
    public Supplier<String> registering(Supplier<String> source) {
        Objects.requireNonNull(source, "source");
        return () -> {
            String value = source.get();
            if (value != null && value.strip().length() >= MIN_SECRET_LENGTH) {
                register(value);
            }
            return value;
        };
    }

    /**
     * A stream that writes through {@code target} line by line, redacted: for stderr, so that
     * command output and the JVM's last-resort stack traces cannot carry a secret either.
     */
    public PrintStream redacting(PrintStream target) {
        // No autoflush: PrintStream would flush after every print, cutting lines (and secrets) in pieces.
        return new PrintStream(new RedactingOutputStream(target, this), false, StandardCharsets.UTF_8);
    }

    /** {@code text} with every secret replaced by {@link #MASK}; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        if (containsIgnoreCase(result, "bearer")) {
            Matcher bearer = BEARER.matcher(result);
            result = bearer.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        }
        if (result.contains("eyJ")) {
            result = JWT.matcher(result).replaceAll(MASK);
        }
        return result;
    }

    private static boolean containsIgnoreCase(String text, String word) {
        for (int k = 0; k + word.length() <= text.length(); k++) {
            if (text.regionMatches(true, k, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
