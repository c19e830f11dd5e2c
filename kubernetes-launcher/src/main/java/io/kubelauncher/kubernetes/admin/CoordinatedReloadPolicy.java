package io.kubelauncher.kubernetes.admin;

import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.plugin.ConfigReloadResult;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.render.Admission;
import io.kubelauncher.kubernetes.source.SubmissionPolicy;
import java.util.Objects;

/**
 * The profiles policy the job source sees, with its Config Reload (202) widened to everything
 * SIGHUP reloads: the job source answers request 202 with {@link SubmissionPolicy#reload()}, and
 * the Launcher's reload must not leave the templates behind.
 */
public final class CoordinatedReloadPolicy implements SubmissionPolicy {

    private final SubmissionPolicy delegate;
    private final ReloadCoordinator coordinator;

    /** @param coordinator reloads {@code delegate}'s profiles among its steps */
    public CoordinatedReloadPolicy(SubmissionPolicy delegate, ReloadCoordinator coordinator) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
    }

    @Override
    public Admission admit(RequestUser user, Job job) throws PluginException {
        return delegate.admit(user, job);
    }

    @Override
    public ClusterInfo clusterInfo(RequestUser user) throws PluginException {
        return delegate.clusterInfo(user);
    }

    @Override
    public ConfigReloadResult reload() {
        return coordinator.reloadAll();
    }
}
