package io.kubelauncher.testkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusOrderTest {

    private static StatusChange status(String status, String message) {
        return new StatusChange("job-1", "Report", status, message, Instant.EPOCH);
    }

    @Test
    void aJobThatOnlyMovesForwardIsInOrder() {
        assertThat(StatusOrder.regressions(List.of(status("Pending", "Waiting for a node"),
                status("Pending", "Starting the container"), status("Running", ""), status("Finished", "Exit code 0"),
                status("Finished", "Exit code 0")))).isEmpty();
    }

    @Test
    void runningBackToPendingIsReported() {
        assertThat(StatusOrder.regressions(List.of(status("Pending", ""), status("Running", ""),
                status("Pending", "Starting the container"), status("Running", ""))))
                .containsExactly("\"Report\" (job-1) went Running -> Pending (Starting the container)");
    }

    @Test
    void anythingAfterATerminalStatusIsReported() {
        assertThat(StatusOrder.regressions(List.of(status("Running", ""), status("Killed", "Killed by request"),
                status("Finished", "Exit code 137"))))
                .containsExactly("\"Report\" (job-1) went Killed -> Finished (Exit code 137)");
    }

    @Test
    void pendingToFailedIsForward() {
        assertThat(StatusOrder.regressions(List.of(status("Pending", "Image 'x' could not be pulled: not found"),
                status("Failed", "Image 'x' could not be pulled: not found")))).isEmpty();
    }
}
