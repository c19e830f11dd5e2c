package io.kubelauncher.kubernetes.translate;

import io.kubelauncher.api.model.JobStatus;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class StatusDeriverTest {

    private static final Instant CREATED = Instant.parse("2026-11-27T10:00:00Z");
    private final StatusDeriver deriver = new StatusDeriver(Duration.ofMinutes(2));

    private static Job job(Map<String, String> annotations) {
        return new JobBuilder().withNewMetadata().withName("report-abcde").withCreationTimestamp(CREATED.toString())
                .withAnnotations(annotations).endMetadata()
                .withNewSpec().withBackoffLimit(0).withNewTemplate().withNewSpec()
                .addNewContainer().withName("rs-launcher-container").withImage("r-session:4.9")
                .withNewResources().withLimits(Map.of("memory", new Quantity("512M"))).withRequests(Map.of("memory", new Quantity("64Gi"))).endResources()
                .endContainer().endSpec().endTemplate().endSpec().build();
    }

    private static Job job() {
        return job(Map.of());
    }

    private static PodBuilder pod() {
        return new PodBuilder().withNewMetadata().withName("report-abcde-xyz12").withCreationTimestamp(CREATED.plusSeconds(1).toString()).endMetadata()
                .withSpec(job().getSpec().getTemplate().getSpec());
    }

    private static Pod withMain(PodBuilder pod, ContainerStatusBuilder status) {
        return pod.editOrNewSpec().withNodeName("node-1").endSpec()
                .withNewStatus().addToContainerStatuses(status.withName("rs-launcher-container").build()).endStatus().build();
    }

    private Observation derive(Job job, List<Pod> pods, List<Event> events, Instant now) {
        return deriver.derive(new JobObjects(job, pods, Optional.empty(), events), now);
    }

    @Test
    void aJobWithoutPodIsPending() {
        Observation o = derive(job(), List.of(), List.of(), CREATED.plusSeconds(1));
        assertThat(o.status()).isEqualTo(JobStatus.PENDING);
        assertThat(o.message()).isEqualTo("Waiting for Kubernetes to create the pod");
        assertThat(o.lastUpdateTime()).isEqualTo(CREATED);
    }

    @Test
    void anUnschedulablePodSaysWhatNoNodeHas() {
        Pod pod = pod().withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withLastTransitionTime(CREATED.plusSeconds(2).toString())
                .withMessage("0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.")
                .endCondition().endStatus().build();
        Observation o = derive(job(), List.of(pod), List.of(), CREATED.plusSeconds(3));
        assertThat(o.status()).isEqualTo(JobStatus.PENDING);
        assertThat(o.message()).isEqualTo("Waiting for a node: 0/3 nodes have enough memory (asked 64 GiB)");
    }

    @Test
    void mixedSchedulingReasonsAreListed() {
        Pod pod = pod().withNewStatus().addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory.")
                .endCondition().endStatus().build();
        assertThat(derive(job(), List.of(pod), List.of(), CREATED).message())
                .isEqualTo("Waiting for a node: 0/3 nodes can run it (1 reserved by a taint, 2 without enough memory (asked 64 GiB))");
    }

    @Test
    void anImagePullFailureIsPendingDuringTheGracePeriodThenFailed() {
        Pod pod = withMain(pod(), new ContainerStatusBuilder().withNewState().withNewWaiting().withReason("ErrImagePull")
                .withMessage("rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/r-session:4.9\": failed to resolve reference \"docker.io/library/r-session:4.9\": docker.io/library/r-session:4.9: not found")
                .endWaiting().endState());
        Event failed = new EventBuilder().withNewMetadata().withName("e1").endMetadata().withNewInvolvedObject().withKind("Pod").withName("report-abcde-xyz12").endInvolvedObject()
                .withReason("Failed").withFirstTimestamp(CREATED.plusSeconds(5).toString()).withLastTimestamp(CREATED.plusSeconds(5).toString()).build();

        Observation early = derive(job(), List.of(pod), List.of(failed), CREATED.plusSeconds(60));
        assertThat(early.status()).isEqualTo(JobStatus.PENDING);
        assertThat(early.message()).isEqualTo("Image 'r-session:4.9' could not be pulled: not found");
        assertThat(early.recheckAt()).contains(CREATED.plusSeconds(125));

        Observation late = derive(job(), List.of(pod), List.of(failed), CREATED.plusSeconds(125));
        assertThat(late.status()).isEqualTo(JobStatus.FAILED);
        assertThat(late.message()).isEqualTo("Image 'r-session:4.9' could not be pulled: not found");
        assertThat(late.lastUpdateTime()).isEqualTo(CREATED.plusSeconds(125));
    }

    @Test
    void backOffTakesTheCauseFromTheKubeletEvent() {
        Pod pod = withMain(pod(), new ContainerStatusBuilder().withNewState().withNewWaiting().withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image \"r-session:4.9\"").endWaiting().endState());
        Event failed = new EventBuilder().withNewMetadata().withName("e1").endMetadata().withNewInvolvedObject().withName("report-abcde-xyz12").endInvolvedObject()
                .withReason("Failed").withMessage("Failed to pull image \"r-session:4.9\": pull access denied, repository does not exist or may require authorization: authorization failed")
                .withFirstTimestamp(CREATED.plusSeconds(5).toString()).build();
        assertThat(derive(job(), List.of(pod), List.of(failed), CREATED.plusSeconds(10)).message())
                .isEqualTo("Image 'r-session:4.9' could not be pulled: not found");
    }

    @Test
    void anInvalidImageNameFailsAtOnce() {
        Pod pod = withMain(pod(), new ContainerStatusBuilder().withNewState().withNewWaiting().withReason("InvalidImageName").endWaiting().endState());
        Observation o = derive(job(), List.of(pod), List.of(), CREATED.plusSeconds(3));
        assertThat(o.status()).isEqualTo(JobStatus.FAILED);
        assertThat(o.message()).isEqualTo("Image name 'r-session:4.9' is not valid");
    }

    @Test
    void aRunningContainerIsRunningOnItsNode() {
        Pod pod = withMain(pod(), new ContainerStatusBuilder().withNewState().withNewRunning().withStartedAt(CREATED.plusSeconds(7).toString()).endRunning().endState());
        Observation o = derive(job(), List.of(pod), List.of(), CREATED.plusSeconds(8));
        assertThat(o.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(o.host()).isEqualTo("node-1");
        assertThat(o.lastUpdateTime()).isEqualTo(CREATED.plusSeconds(7));
    }

    @Test
    void aNonZeroExitIsFinishedNotFailed() {
        Pod pod = withMain(pod(), new ContainerStatusBuilder().withNewState().withNewTerminated().withExitCode(3)
                .withFinishedAt(CREATED.plusSeconds(20).toString()).withReason("Error").endTerminated().endState());
        Observation o = derive(job(), List.of(pod), List.of(), CREATED.plusSeconds(21));
        assertThat(o.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(o.exitCode()).isEqualTo(OptionalInt.of(3));
        assertThat(o.message()).isEqualTo("Exit code 3");
        assertThat(o.lastUpdateTime()).isEqualTo(CREATED.plusSeconds(20));
    }

    @Test
    void outOfMemorySaysTheLimit() {
        Pod pod = withMain(pod(), new ContainerStatusBuilder().withNewState().withNewTerminated().withExitCode(137).withReason("OOMKilled").endTerminated().endState());
        Observation o = derive(job(), List.of(pod), List.of(), CREATED.plusSeconds(21));
        assertThat(o.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(o.message()).isEqualTo("Out of memory (limit 512 MB)");
    }

    @Test
    void aCompleteJobWhosePodIsGoneFinishedWithZero() {
        Job job = job();
        job.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder().addNewCondition().withType("Complete").withStatus("True")
                .withLastTransitionTime(CREATED.plusSeconds(30).toString()).endCondition().build());
        Observation o = derive(job, List.of(), List.of(), CREATED.plusSeconds(40));
        assertThat(o.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(o.exitCode()).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void aKillTakesEffectOnceNothingRuns() {
        ControlRecord kill = new ControlRecord(ControlRecord.Operation.KILL, CREATED.plusSeconds(50));
        Pod running = withMain(pod(), new ContainerStatusBuilder().withNewState().withNewRunning().endRunning().endState());
        assertThat(derive(job(kill.annotations()), List.of(running), List.of(), CREATED.plusSeconds(51)).status()).isEqualTo(JobStatus.RUNNING);

        Observation gone = derive(job(kill.annotations()), List.of(), List.of(), CREATED.plusSeconds(52));
        assertThat(gone.status()).isEqualTo(JobStatus.KILLED);
        assertThat(gone.exitCode()).isEqualTo(OptionalInt.of(137));
        assertThat(gone.lastUpdateTime()).isEqualTo(CREATED.plusSeconds(50));
    }

    @Test
    void aStoppedJobFinishesWithTheSignalExitCode() {
        ControlRecord stop = new ControlRecord(ControlRecord.Operation.STOP, CREATED.plusSeconds(50));
        Pod exited = withMain(pod(), new ContainerStatusBuilder().withNewState().withNewTerminated().withExitCode(143).endTerminated().endState());
        Observation o = derive(job(stop.annotations()), List.of(exited), List.of(), CREATED.plusSeconds(52));
        assertThat(o.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(o.exitCode()).isEqualTo(OptionalInt.of(143));
    }

    @Test
    void aCanceledJobIsCanceled() {
        ControlRecord cancel = new ControlRecord(ControlRecord.Operation.CANCEL, CREATED.plusSeconds(1));
        Observation o = derive(job(cancel.annotations()), List.of(), List.of(), CREATED.plusSeconds(2));
        assertThat(o.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(o.exitCode()).isEmpty();
    }

    @Test
    void aJobThatGaveUpWaitsForItsPodsExitCodeInsteadOfFlippingFromFailedToFinished() {
        Instant gaveUp = CREATED.plusSeconds(20);
        Job job = job();
        job.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder().addNewCondition().withType("Failed").withStatus("True")
                .withReason("BackoffLimitExceeded").withMessage("Job has reached the specified backoff limit")
                .withLastTransitionTime(gaveUp.toString()).endCondition().build());
        Pod stillRunning = withMain(pod(), new ContainerStatusBuilder().withNewState().withNewRunning()
                .withStartedAt(CREATED.plusSeconds(2).toString()).endRunning().endState());

        Observation meanwhile = derive(job, List.of(stillRunning), List.of(), gaveUp.plusSeconds(1));
        assertThat(meanwhile.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(meanwhile.recheckAt()).contains(gaveUp.plus(StatusDeriver.EXIT_REPORT_WAIT));

        Pod exited = withMain(pod(), new ContainerStatusBuilder().withNewState().withNewTerminated().withExitCode(3)
                .withFinishedAt(CREATED.plusSeconds(19).toString()).endTerminated().endState());
        Observation arrived = derive(job, List.of(exited), List.of(), gaveUp.plusSeconds(2));
        assertThat(arrived.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(arrived.exitCode()).hasValue(3);

        Observation podNotSeenYet = derive(job, List.of(), List.of(), gaveUp.plusSeconds(1));
        assertThat(podNotSeenYet.status()).isEqualTo(JobStatus.PENDING);
        assertThat(podNotSeenYet.recheckAt()).contains(gaveUp.plus(StatusDeriver.EXIT_REPORT_WAIT));

        Observation never = derive(job, List.of(stillRunning), List.of(), gaveUp.plus(StatusDeriver.EXIT_REPORT_WAIT));
        assertThat(never.status()).isEqualTo(JobStatus.FAILED);
        assertThat(never.message()).isEqualTo("Kubernetes could not run the job: Job has reached the specified backoff limit");
    }

    @Test
    void aDeadlineFailureWithoutExitIsFailed() {
        Job job = job();
        job.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder().addNewCondition().withType("Failed").withStatus("True")
                .withReason("DeadlineExceeded").endCondition().build());
        Observation o = derive(job, List.of(), List.of(), CREATED.plusSeconds(40));
        assertThat(o.status()).isEqualTo(JobStatus.FAILED);
        assertThat(o.message()).contains("deadline");
    }

    @Test
    void aMountFailureIsReportedThenFailsAfterTheGracePeriod() {
        Pod pod = withMain(pod(), new ContainerStatusBuilder().withNewState().withNewWaiting().withReason("ContainerCreating").endWaiting().endState());
        Event mount = new EventBuilder().withNewMetadata().withName("e2").endMetadata().withNewInvolvedObject().withName("report-abcde-xyz12").endInvolvedObject()
                .withReason("FailedMount").withMessage("MountVolume.SetUp failed for volume \"mount0\" : mount failed: exit status 32")
                .withFirstTimestamp(CREATED.plusSeconds(3).toString()).build();
        assertThat(derive(job(), List.of(pod), List.of(mount), CREATED.plusSeconds(10)).message())
                .isEqualTo("A volume could not be mounted: MountVolume.SetUp failed for volume \"mount0\" : mount failed: exit status 32");
        assertThat(derive(job(), List.of(pod), List.of(mount), CREATED.plusSeconds(200)).status()).isEqualTo(JobStatus.FAILED);
    }

    private static PodBuilder podWithInit() {
        return pod().editSpec().withNodeName("node-1").addNewInitContainer().withName("prepare").withImage("busybox:1.36")
                .withNewResources().withLimits(Map.of("memory", new Quantity("256Mi"))).endResources().endInitContainer()
                .addNewInitContainer().withName("check").withImage("busybox:1.36").endInitContainer().endSpec();
    }

    private static ContainerStatusBuilder mainInitializing() {
        return new ContainerStatusBuilder().withName("rs-launcher-container").withNewState().withNewWaiting().withReason("PodInitializing")
                .endWaiting().endState();
    }

    @Test
    void whileInitContainersRunTheJobIsPendingSayingWhichOne() {
        Pod pod = podWithInit().withNewStatus().withPhase("Pending").addToContainerStatuses(mainInitializing().build())
                .addNewInitContainerStatus().withName("prepare").withNewState().withNewTerminated().withExitCode(0).endTerminated().endState().endInitContainerStatus()
                .addNewInitContainerStatus().withName("check").withNewState().withNewRunning().withStartedAt(CREATED.plusSeconds(4).toString()).endRunning()
                .endState().endInitContainerStatus().endStatus().build();
        Observation o = derive(job(), List.of(pod), List.of(), CREATED.plusSeconds(5));
        assertThat(o.status()).isEqualTo(JobStatus.PENDING);
        assertThat(o.message()).isEqualTo("Running init container check (2 of 2)");
        assertThat(o.host()).isEqualTo("node-1");
    }

    @Test
    void aFailedInitContainerFailsTheJobAtOnceNamingIt() {
        Pod pod = podWithInit().withNewStatus().withPhase("Failed").addToContainerStatuses(mainInitializing().build())
                .addNewInitContainerStatus().withName("prepare").withNewState().withNewTerminated().withExitCode(3).withReason("Error")
                .withFinishedAt(CREATED.plusSeconds(6).toString()).endTerminated().endState().endInitContainerStatus()
                .addNewInitContainerStatus().withName("check").withNewState().withNewWaiting().withReason("PodInitializing").endWaiting()
                .endState().endInitContainerStatus().endStatus().build();
        // before the Job controller has given up: the pod's failure is enough, and no exit code is awaited
        Observation o = derive(job(), List.of(pod), List.of(), CREATED.plusSeconds(7));
        assertThat(o.status()).isEqualTo(JobStatus.FAILED);
        assertThat(o.message()).isEqualTo("Init container prepare failed with exit code 3, so the job did not start");
        assertThat(o.exitCode()).isEmpty();
        assertThat(o.lastUpdateTime()).isEqualTo(CREATED.plusSeconds(6));

        Pod oom = podWithInit().withNewStatus().withPhase("Failed").addToContainerStatuses(mainInitializing().build())
                .addNewInitContainerStatus().withName("prepare").withNewState().withNewTerminated().withExitCode(137).withReason("OOMKilled")
                .endTerminated().endState().endInitContainerStatus().endStatus().build();
        assertThat(derive(job(), List.of(oom), List.of(), CREATED.plusSeconds(7)).message())
                .isEqualTo("Init container prepare ran out of memory (limit 256 MiB), so the job did not start");
    }

    @Test
    void aFailedInitContainerThatKubernetesWillRunAgainIsNotYetAFailure() {
        Pod retrying = podWithInit().withNewStatus().withPhase("Pending").addToContainerStatuses(mainInitializing().build())
                .addNewInitContainerStatus().withName("prepare").withNewState().withNewTerminated().withExitCode(1).endTerminated().endState()
                .endInitContainerStatus().endStatus().build();
        assertThat(derive(job(), List.of(retrying), List.of(), CREATED.plusSeconds(7)).status()).isEqualTo(JobStatus.PENDING);
    }

    @Test
    void anInitContainersImagePullFailureIsALaunchProblemNamingIt() {
        Pod pod = podWithInit().withNewStatus().withPhase("Pending").addToContainerStatuses(mainInitializing().build())
                .addNewInitContainerStatus().withName("prepare").withImage("busybox:1.36").withNewState().withNewWaiting().withReason("ErrImagePull")
                .withMessage("rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/busybox:1.36\": not found")
                .endWaiting().endState().endInitContainerStatus().endStatus().build();
        Event failed = new EventBuilder().withNewMetadata().withName("e1").endMetadata().withNewInvolvedObject().withName("report-abcde-xyz12").endInvolvedObject()
                .withReason("Failed").withFirstTimestamp(CREATED.plusSeconds(5).toString()).build();

        Observation early = derive(job(), List.of(pod), List.of(failed), CREATED.plusSeconds(60));
        assertThat(early.status()).isEqualTo(JobStatus.PENDING);
        assertThat(early.message()).isEqualTo("Init container prepare: Image 'busybox:1.36' could not be pulled: not found");
        Observation late = derive(job(), List.of(pod), List.of(failed), CREATED.plusSeconds(125));
        assertThat(late.status()).isEqualTo(JobStatus.FAILED);
        assertThat(late.message()).isEqualTo("Init container prepare: Image 'busybox:1.36' could not be pulled: not found");
    }
}
