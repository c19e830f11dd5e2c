package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which exec'd commands the simulated container runtime treats as a {@code kill} of the container's processes. */
class KillCommandTest {

  @Test
  void pidOneIsTheMainProcessAndMinusOneIsEveryProcess() {
    assertThat(PodStreams.killCommand(List.of("kill", "1"))).contains(new PodStreams.Kill(15, false, false));
    assertThat(PodStreams.killCommand(List.of("sh", "-c", "kill -s KILL 1"))).contains(new PodStreams.Kill(9, false, false));
    assertThat(PodStreams.killCommand(List.of("kill", "-TERM", "-1"))).contains(new PodStreams.Kill(15, true, false));
    assertThat(PodStreams.killCommand(List.of("/bin/kill", "-SIGKILL", "--", "-1"))).contains(new PodStreams.Kill(9, true, false));
    assertThat(PodStreams.killCommand(List.of("kill", "-9", "-1"))).contains(new PodStreams.Kill(9, true, false));
  }

  @Test
  void aKillBehindTheCheckThatPidOneIsThePauseProcessIsGuarded() {
    assertThat(PodStreams.killCommand(List.of("/bin/sh", "-c", "test \"$(cat /proc/1/comm)\" = pause && exec kill -TERM -1")))
        .contains(new PodStreams.Kill(15, true, true));
    assertThat(PodStreams.killCommand(List.of("/bin/sh", "-c", "test -e /x && kill -TERM -1"))).isEmpty();
  }

  @Test
  void anythingElseRunsAsAProcess() {
    assertThat(PodStreams.killCommand(List.of("kill", "-TERM", "1234"))).isEmpty();
    assertThat(PodStreams.killCommand(List.of("kill", "-NOPE", "1"))).isEmpty();
    assertThat(PodStreams.killCommand(List.of("ls", "-1"))).isEmpty();
  }
}
