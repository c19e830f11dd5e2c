package io.kubelauncher.gotemplate.exec;

/**
 * Bounds that keep a runaway template from hanging or exhausting memory; exceeding one is an
 * execution error (Go has no such bounds except the template depth).
 *
 * @param maxOutputChars the most characters one render may produce
 * @param maxSteps the most nodes one render may walk plus range iterations (a rough bound on time)
 * @param maxTemplateDepth nested {@code template} calls allowed (Go: 100000); deep recursion also ends
 *     with the same error when the Java stack runs out first
 * @param maxIncludeDepth nested {@code include} calls of one name allowed (Helm: 1000)
 */
public record RenderLimits(long maxOutputChars, long maxSteps, int maxTemplateDepth, int maxIncludeDepth) {

    /** 64 Mi chars of output, 100 million steps, Go's and Helm's depths. */
    public static final RenderLimits DEFAULT = new RenderLimits(64L << 20, 100_000_000L, 100_000, 1000);

    public RenderLimits {
        if (maxOutputChars <= 0 || maxSteps <= 0 || maxTemplateDepth <= 0 || maxIncludeDepth <= 0) {
            throw new IllegalArgumentException("render limits must be positive");
        }
    }
}
