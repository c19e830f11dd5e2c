package io.kubelauncher.api.model;

import java.util.Optional;

/** A Control Job operation (spec 9) and the one status in which it is allowed. */
public enum JobOperation {
    SUSPEND(0, JobStatus.RUNNING, "suspend"),
    RESUME(1, JobStatus.SUSPENDED, "resume"),
    STOP(2, JobStatus.RUNNING, "stop"),
    KILL(3, JobStatus.RUNNING, "kill"),
    CANCEL(4, JobStatus.PENDING, "cancel");

    private final int code;
    private final JobStatus requiredStatus;
    private final String verb;

    JobOperation(int code, JobStatus requiredStatus, String verb) {
        this.code = code;
        this.requiredStatus = requiredStatus;
        this.verb = verb;
    }

    public int code() {
        return code;
    }

    /** The status a job must have for this operation to be valid. */
    public JobStatus requiredStatus() {
        return requiredStatus;
    }

    public boolean validFor(JobStatus status) {
        return status == requiredStatus;
    }

    /** Lower-case verb for messages, e.g. "Job must be running to kill it". */
    public String verb() {
        return verb;
    }

    public static Optional<JobOperation> fromCode(long code) {
        for (JobOperation op : values()) {
            if (op.code == code) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
