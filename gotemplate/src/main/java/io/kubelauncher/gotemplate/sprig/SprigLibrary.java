package io.kubelauncher.gotemplate.sprig;

import io.kubelauncher.gotemplate.function.TemplateFunction;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Sprig 3.2.3's {@code TxtFuncMap()} for the Java template engine: every function with its Go
 * signature and Go's results, byte for byte where Go is deterministic.
 *
 * <pre>{@code
 * Map<String, TemplateFunction> sprig = SprigLibrary.create().functions();   // machine defaults
 * Map<String, TemplateFunction> pinned = SprigLibrary.builder()
 *         .clock(Clock.fixed(instant, ZoneOffset.UTC)).localZone(ZoneOffset.UTC)
 *         .random(new Random(42)).environment(Map.of("HOME", "/home/u")::get)
 *         .build().functions();
 * }</pre>
 */
public final class SprigLibrary {

    private final Map<String, TemplateFunction> functions;

    private SprigLibrary(Map<String, TemplateFunction> functions) {
        this.functions = functions;
    }

    /** The library with the machine's clock and zone, a SecureRandom, this process's environment and resolver. */
    public static SprigLibrary create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every function by name; the map is immutable and its functions are thread-safe. */
    public Map<String, TemplateFunction> functions() {
        return functions;
    }

    /** The outside world the non-deterministic functions see. */
    public static final class Builder {
        private Clock clock = Clock.systemDefaultZone();
        private ZoneId localZone = ZoneId.systemDefault();
        private Random random = new SecureRandom();
        private UnaryOperator<String> environment = System::getenv;
        private HostResolver hostResolver = EnvironmentFunctions::lookupHost;

        private Builder() {
        }

        /** What {@code now} reads (and {@code ago}, {@code date} of a non-time, certificate validity). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Go's {@code time.Local}: the zone of {@code now}, {@code date}, {@code toDate}. */
        public Builder localZone(ZoneId zone) {
            this.localZone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The source of rand*, shuffle, uuidv4, randBytes, keys and salts. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** {@code env} and {@code expandenv}: variable name to value, null when unset. */
        public Builder environment(UnaryOperator<String> getenv) {
            this.environment = Objects.requireNonNull(getenv, "getenv");
            return this;
        }

        public Builder hostResolver(HostResolver resolver) {
            this.hostResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        public SprigLibrary build() {
            Registry r = new Registry();
            StringFunctions.register(r);
            NumericFunctions.register(r);
            DefaultFunctions.register(r);
            ListFunctions.register(r);
            DictFunctions.register(r);
            EncodingFunctions.register(r);
            PathFunctions.register(r);
            RegexFunctions.register(r);
            EnvironmentFunctions.register(r, environment, hostResolver, random);
            return new SprigLibrary(r.toMap());
        }
    }
}
