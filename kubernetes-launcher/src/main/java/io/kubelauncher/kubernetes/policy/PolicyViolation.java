package io.kubelauncher.kubernetes.policy;

import java.util.Objects;

/**
 * A job asks for something its user's policy does not allow. The plugin answers it with Error 2
 * (InvalidRequest) and {@link #getMessage()}, which names the setting, the requested value and
 * the allowed value.
 */
public final class PolicyViolation extends Exception {

    private final String setting;
    private final String requested;
    private final String allowed;

    PolicyViolation(String setting, String requested, String allowed, String message) {
        super(message);
        this.setting = Objects.requireNonNull(setting, "setting");
        this.requested = Objects.requireNonNull(requested, "requested");
        this.allowed = Objects.requireNonNull(allowed, "allowed");
    }

    /** The profiles or resources setting that refuses the request, e.g. {@code max-cpus}. */
    public String setting() {
        return setting;
    }

    /** The value the job asked for. */
    public String requested() {
        return requested;
    }

    /** What the setting allows. */
    public String allowed() {
        return allowed;
    }
}
