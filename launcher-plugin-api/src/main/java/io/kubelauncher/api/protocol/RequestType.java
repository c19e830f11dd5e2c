package io.kubelauncher.api.protocol;

import java.util.Optional;

/** The {@code messageType} of a request (spec 3.3). */
public enum RequestType {
    HEARTBEAT(0, "Heartbeat"),
    BOOTSTRAP(1, "Bootstrap"),
    SUBMIT_JOB(2, "Submit Job"),
    GET_JOB(3, "Get Job"),
    JOB_STATUS_STREAM(4, "Get Job Status"),
    CONTROL_JOB(5, "Control Job"),
    JOB_OUTPUT_STREAM(6, "Get Job Output"),
    RESOURCE_UTIL_STREAM(7, "Get Job Resource Utilization"),
    JOB_NETWORK(8, "Get Job Network"),
    CLUSTER_INFO(9, "Get Cluster Info"),
    SET_LOAD_BALANCER_NODES(201, "Set Load Balancer Nodes"),
    CONFIG_RELOAD(202, "Config Reload");

    private final int id;
    private final String title;

    RequestType(int id, String title) {
        this.id = id;
        this.title = title;
    }

    public int id() {
        return id;
    }

    /** Human name for messages and logs. */
    public String title() {
        return title;
    }

    public static Optional<RequestType> fromId(long id) {
        for (RequestType type : values()) {
            if (type.id == id) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
