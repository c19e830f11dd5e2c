package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.plugin.ConfigReloadResult;
import io.kubelauncher.api.plugin.ConfigReloadResult.Outcome;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.render.Admission;
import io.kubelauncher.kubernetes.source.SubmissionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReloadCoordinatorTest {

    private final List<String> ran = new ArrayList<>();

    private ReloadCoordinator.Step step(String what, ConfigReloadResult result) {
        return ReloadCoordinator.Step.of(what, () -> {
            ran.add(what);
            return result;
        });
    }

    @Test
    void everyStepSucceeding() {
        ReloadCoordinator reload = new ReloadCoordinator(List.of(step("profiles", ConfigReloadResult.success()),
                ReloadCoordinator.Step.failingWith("templates", Optional::empty)));
        assertThat(reload.reloadAll()).isEqualTo(ConfigReloadResult.success());
        assertThat(ran).containsExactly("profiles");
    }

    @Test
    void aFailureDoesNotStopTheOtherStepsAndTheFirstOutcomeIsReported() {
        ReloadCoordinator reload = new ReloadCoordinator(List.of(
                step("profiles", new ConfigReloadResult(Outcome.LOAD_ERROR, "profiles.conf: no such file")),
                ReloadCoordinator.Step.failingWith("templates", () -> Optional.of("job.tpl:3: unexpected EOF")),
                step("other", ConfigReloadResult.success())));

        ConfigReloadResult result = reload.reloadAll();

        assertThat(result.outcome()).isEqualTo(Outcome.LOAD_ERROR);
        assertThat(result.message()).isEqualTo("profiles: profiles.conf: no such file\ntemplates: job.tpl:3: unexpected EOF");
        assertThat(ran).containsExactly("profiles", "other");
    }

    @Test
    void aStepThatThrowsIsAnUnknownError() {
        ReloadCoordinator reload = new ReloadCoordinator(List.of(
                ReloadCoordinator.Step.of("templates", () -> {
                    throw new IllegalStateException("disk on fire");
                }),
                step("profiles", ConfigReloadResult.success())));

        ConfigReloadResult result = reload.reloadAll();

        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN_ERROR);
        assertThat(result.message()).isEqualTo("templates: disk on fire");
        assertThat(ran).containsExactly("profiles");
    }

    /** Request 202 reaches the job source's policy: it must reload what SIGHUP reloads. */
    @Test
    void thePolicysReloadGoesThroughTheCoordinatorAndTheRestIsDelegated() {
        ClusterInfo info = ClusterInfo.minimal();
        SubmissionPolicy profiles = new SubmissionPolicy() {
            @Override
            public Admission admit(RequestUser user, Job job) {
                return Admission.unchanged(job);
            }

            @Override
            public ClusterInfo clusterInfo(RequestUser user) {
                return info;
            }

            @Override
            public ConfigReloadResult reload() {
                ran.add("profiles");
                return ConfigReloadResult.success();
            }
        };
        ReloadCoordinator reload = new ReloadCoordinator(List.of(ReloadCoordinator.Step.of("profiles", profiles::reload),
                ReloadCoordinator.Step.failingWith("templates", () -> Optional.of("job.tpl:1: bad"))));
        SubmissionPolicy policy = new CoordinatedReloadPolicy(profiles, reload);

        ConfigReloadResult result = policy.reload();

        assertThat(result.outcome()).isEqualTo(Outcome.VALIDATION_ERROR);
        assertThat(result.message()).isEqualTo("templates: job.tpl:1: bad");
        assertThat(ran).containsExactly("profiles");
        Job job = Job.builder().name("x").user("alice").command("true").build();
        assertThat(policy.admit(RequestUser.of("alice"), job).job()).isSameAs(job);
        assertThat(policy.clusterInfo(RequestUser.of("alice"))).isSameAs(info);
    }
}
