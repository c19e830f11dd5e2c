package io.kubelauncher.kubernetes.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Whatever a job asks, the answer is a completed job within the user's limits or a violation. */
class ValidationPropertiesTest {

    private final UserPolicy policy;

    ValidationPropertiesTest() throws Exception {
        policy = UserPolicy.load(ClusterInfoTest.guide("launcher.kubernetes.profiles.conf"),
                ClusterInfoTest.guide("launcher.kubernetes.resources.conf"),
                new FakeGroups().member("pat", "posit-power-users"));
    }

    @Property(tries = 3000)
    void acceptedJobsStayWithinTheirUsersLimits(@ForAll("users") String user, @ForAll("jobs") JobRequest job) {
        CompletedJob completed;
        try {
            completed = policy.validateAndComplete(user, job);
        } catch (PolicyViolation v) {
            assertThat(v.getMessage()).isNotBlank();
            assertThat(v.setting()).isNotBlank();
            Statistics.label("outcome").collect("refused");
            return;
        }
        Statistics.label("outcome").collect("accepted");
        UserProfile profile = policy.profileFor(user);
        Map<String, BigDecimal> limits = completed.limits().stream()
                .collect(Collectors.toMap(RequestedLimit::type, l -> new BigDecimal(l.value())));
        assertThat(limits.getOrDefault("cpuCount", BigDecimal.ZERO)).isLessThanOrEqualTo(profile.maxCpus());
        assertThat(limits.getOrDefault("memory", BigDecimal.ZERO)).isLessThanOrEqualTo(profile.maxMemMb());
        assertThat(limits.getOrDefault("NVIDIA GPUs", BigDecimal.ZERO))
                .isLessThanOrEqualTo(BigDecimal.valueOf(profile.maxNvidiaGpus()));
        assertThat(limits.getOrDefault("AMD GPUs", BigDecimal.ZERO))
                .isLessThanOrEqualTo(BigDecimal.valueOf(profile.maxAmdGpus()));
        if (limits.containsKey("CPU Request") && limits.containsKey("cpuCount")) {
            assertThat(limits.get("CPU Request")).isLessThanOrEqualTo(limits.get("cpuCount"));
        }
        if (limits.containsKey("Memory Request") && limits.containsKey("memory")) {
            assertThat(limits.get("Memory Request")).isLessThanOrEqualTo(limits.get("memory"));
        }
        assertThat(profile.allowUnknownImages() || profile.containerImages().contains(completed.image())).isTrue();
    }

    @Property(tries = 3000)
    void bothOutcomesAreExercised(@ForAll("users") String user, @ForAll("jobs") JobRequest job) {
        boolean accepted;
        try {
            policy.validateAndComplete(user, job);
            accepted = true;
        } catch (PolicyViolation v) {
            accepted = false;
        }
        Statistics.label("outcome").collect(accepted ? "accepted" : "refused");
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("accepted").percentage(p -> p > 5);
            coverage.check("refused").percentage(p -> p > 5);
        });
    }

    @Provide
    Arbitrary<String> users() {
        return Arbitraries.of("alice", "jsmith", "pat");
    }

    @Provide
    Arbitrary<JobRequest> jobs() {
        Arbitrary<String> type = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("cpuCount", "CPU Request", "memory", "Memory Request")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("NVIDIA GPUs", "AMD GPUs")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("cpuTime", "")));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("0", "1", "0.5", "2", "256", "512")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("3", "20", "1024", "4096", "99999", "", "-1", "x", "1.5")),
                net.jqwik.api.Tuple.of(2, Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(5000))
                        .ofScale(1).map(BigDecimal::toPlainString)));
        Arbitrary<RequestedLimit> limit = Combinators.combine(type, value).as(RequestedLimit::new);
        Arbitrary<PlacementRequest> constraint = Combinators.combine(Arbitraries.of("node", "region", "region", "zone"),
                Arbitraries.of("us", "eu", "n1", "")).as(PlacementRequest::new);
        Arbitrary<Optional<String>> image = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("r-session:3.4.2")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("r-session:preview", "other", ""))).optional(0.9);
        Arbitrary<String> profile = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("custom", "small", "default-gpu", "hugemem", "nope")));
        Arbitrary<List<PlacementRequest>> constraints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(List.<PlacementRequest>of())),
                net.jqwik.api.Tuple.of(1, constraint.list().ofMaxSize(2)));
        return Combinators.combine(image, profile, limit.list().ofMaxSize(3), constraints)
                .as((i, p, l, c) -> new JobRequest(i, p, List.copyOf(l), List.copyOf(c)));
    }
}
