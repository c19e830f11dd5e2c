package io.kubelauncher.kubernetes.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads everything that can change without a restart (templates, profiles) when asked to, one
 * reload at a time. SIGHUP belongs to the plugin runtime, so the plugin's main installs it there:
 * {@code Signals.install(runtime, coordinator::reloadAll)}.
 */
public final class ReloadCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadCoordinator.class);

    /** One thing to reload. */
    public interface Step {
        String what();

        /** @return true when the new version is in use */
        boolean reload();

        /** E.g. {@code Step.of("profiles", () -> policy.reload().succeeded())}. */
        static Step of(String what, java.util.function.BooleanSupplier reload) {
            return new Step() {
                @Override
                public String what() {
                    return what;
                }

                @Override
                public boolean reload() {
                    return reload.getAsBoolean();
                }
            };
        }

    }

    private final List<Step> steps;

    public ReloadCoordinator(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Reloads every step, in order; a failing step does not stop the others. */
    public synchronized Map<String, Boolean> reloadAll() {
        LOG.info("Reload requested");
        Map<String, Boolean> results = new LinkedHashMap<>();
        for (Step step : steps) {
            boolean reloaded;
            try {
                reloaded = step.reload();
            } catch (RuntimeException e) {
                LOG.warn("Reloading {} failed; the previous {} stay in use", step.what(), step.what(), e);
                reloaded = false;
            }
            results.put(step.what(), reloaded);
        }
        return results;
    }
}
