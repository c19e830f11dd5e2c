package io.kubelauncher.kubernetes.admin;

import io.kubelauncher.api.plugin.ConfigReloadResult;
import io.kubelauncher.api.plugin.ConfigReloadResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads everything that can change without a restart (profiles, resource profiles, templates),
 * one reload at a time, for both triggers: SIGHUP ({@code Signals.install(runtime, coordinator::reloadAll)})
 * and the Launcher's Config Reload request (202, through {@link CoordinatedReloadPolicy}). Each step
 * keeps what it had when its new files are invalid, so a bad template never costs the profiles
 * their reload, nor the other way round.
 */
public final class ReloadCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadCoordinator.class);

    /** One thing to reload. */
    public interface Step {
        /** What the step reloads, in the plural ("profiles", "templates"), for messages. */
        String what();

        /** Reloads; on failure the previous version stays in use and the result says why. */
        ConfigReloadResult reload();

        /** E.g. {@code Step.of("profiles", profilePolicy::reload)}. */
        static Step of(String what, Supplier<ConfigReloadResult> reload) {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(reload, "reload");
            return new Step() {
                @Override
                public String what() {
                    return what;
                }

                @Override
                public ConfigReloadResult reload() {
                    return reload.get();
                }
            };
        }

        /**
         * A step whose reload returns why it failed, or empty on success (e.g. the templates:
         * {@code Step.failingWith("templates", renderer::reload)}); a failure is a validation error.
         */
        static Step failingWith(String what, Supplier<Optional<String>> reload) {
            Objects.requireNonNull(reload, "reload");
            return of(what, () -> reload.get()
                    .map(why -> new ConfigReloadResult(Outcome.VALIDATION_ERROR, why))
                    .orElseGet(ConfigReloadResult::success));
        }
    }

    private final List<Step> steps;

    public ReloadCoordinator(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Reloads every step, in order; a failing step does not stop the others.
     *
     * @return success when every step succeeded; otherwise the first failure's outcome, with every
     *     failure's message prefixed by what failed
     */
    public synchronized ConfigReloadResult reloadAll() {
        LOG.info("Reloading {}", steps.stream().map(Step::what).toList());
        Outcome outcome = Outcome.SUCCESS;
        List<String> failures = new ArrayList<>();
        for (Step step : steps) {
            ConfigReloadResult result;
            try {
                result = step.reload();
            } catch (RuntimeException e) {
                result = new ConfigReloadResult(Outcome.UNKNOWN_ERROR, String.valueOf(e.getMessage()));
                LOG.error("Reloading the {} failed unexpectedly", step.what(), e);
            }
            if (result.outcome() != Outcome.SUCCESS) {
                if (outcome == Outcome.SUCCESS) {
                    outcome = result.outcome();
                }
                failures.add(step.what() + ": " + result.message());
                LOG.warn("The {} were not reloaded; the previous {} stay in use: {}", step.what(), step.what(),
                        result.message());
            }
        }
        if (failures.isEmpty()) {
            LOG.info("Reloaded {}", steps.stream().map(Step::what).toList());
            return ConfigReloadResult.success();
        }
        return new ConfigReloadResult(outcome, String.join("\n", failures));
    }
}
