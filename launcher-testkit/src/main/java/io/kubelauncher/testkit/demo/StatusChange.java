package io.kubelauncher.testkit.demo;

import java.time.Instant;

/** One status a job reported on the status stream, with its message ({@code ""} when none). */
record StatusChange(String jobId, String jobName, String status, String message, Instant at) {

    @Override
    public String toString() {
        return message.isEmpty() ? status : status + " (" + message + ")";
    }
}
