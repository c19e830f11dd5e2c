package io.kubelauncher.kubernetes.render;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Kubernetes names for a launcher job. The Job gets a {@code generateName} derived from the job's
 * name ("RStudio Session (alice)" → "rstudio-session-alice-"), and the API server appends five
 * random characters, which makes the id unique across plugin instances without coordination.
 */
public final class JobNames {

    /** Keeps Job (≤ 45), pod (≤ 51) and Service (≤ 49) names well inside the 63-character limits. */
    static final int MAX_BASE = 39;

    private JobNames() {
    }

    /**
     * A valid {@code generateName}: lower-case letters, digits and single dashes, starting with a
     * letter (Service names must), ending with the dash the random suffix follows.
     */
    public static String generateName(String jobName) {
        String ascii = Normalizer.normalize(jobName == null ? "" : jobName, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < ascii.length() && base.length() < MAX_BASE; i++) {
            char c = ascii.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (alnum) {
                base.append(c);
            } else if (base.length() > 0 && base.charAt(base.length() - 1) != '-') {
                base.append('-');
            }
        }
        while (base.length() > 0 && base.charAt(base.length() - 1) == '-') {
            base.setLength(base.length() - 1);
        }
        if (base.length() == 0) {
            return "job-";
        }
        if (base.charAt(0) < 'a') {
            base.insert(0, "job-");
            if (base.length() > MAX_BASE) {
                base.setLength(MAX_BASE);
            }
            while (base.charAt(base.length() - 1) == '-') {
                base.setLength(base.length() - 1);
            }
        }
        return base + "-";
    }

    /** The Service of a job that exposes ports. */
    public static String serviceName(String jobId) {
        return jobId + "-svc";
    }
}
