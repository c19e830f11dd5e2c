package io.kubelauncher.reliability;

/**
 * How big a run is: {@code ci} (default, fits the CI budget) or {@code full} (the sizes of issue 9),
 * chosen with {@code -Dreliability.scale=full}. Seeds come from {@code -Dreliability.seed} when given,
 * so that a failing run can be repeated exactly.
 */
record Scale(String name, int fuzzedFrames, int faultJobs) {

    static final Scale CI = new Scale("ci", 100_000, 300);
    static final Scale FULL = new Scale("full", 1_000_000, 1_000);

    static Scale current() {
        Scale scale = named(System.getProperty("reliability.scale", "ci").trim());
        String frames = System.getProperty("reliability.frames", "").trim();
        return frames.isEmpty() ? scale : new Scale(scale.name(), Integer.parseInt(frames), scale.faultJobs());
    }

    private static Scale named(String value) {
        return switch (value) {
            case "", "ci" -> CI;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("reliability.scale must be ci or full, was '" + value + "'");
        };
    }

    /** The seed of a randomized suite: {@code -Dreliability.seed}, else {@code fallback}. */
    static long seed(long fallback) {
        String value = System.getProperty("reliability.seed", "").trim();
        return value.isEmpty() ? fallback : Long.parseLong(value);
    }
}
