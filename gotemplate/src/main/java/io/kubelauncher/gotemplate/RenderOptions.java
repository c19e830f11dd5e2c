package io.kubelauncher.gotemplate;

import io.kubelauncher.gotemplate.exec.MissingKey;
import io.kubelauncher.gotemplate.exec.RenderLimits;
import java.util.Objects;

/**
 * How to render: Go's {@code missingkey} option and the bounds on one render.
 *
 * <p>Helm renders with {@link MissingKey#ZERO} (and {@link MissingKey#ERROR} when strict); Go's
 * default is {@link MissingKey#DEFAULT}.
 */
public record RenderOptions(MissingKey missingKey, RenderLimits limits) {

    public static final RenderOptions DEFAULT = new RenderOptions(MissingKey.DEFAULT, RenderLimits.DEFAULT);

    public RenderOptions {
        Objects.requireNonNull(missingKey, "missingKey");
        Objects.requireNonNull(limits, "limits");
    }

    public static RenderOptions of(MissingKey missingKey) {
        return new RenderOptions(missingKey, RenderLimits.DEFAULT);
    }
}
