package io.kubelauncher.api.protocol;

/** The {@code messageType} of a response (spec 3.3); not equal to the request's from 2 upwards. */
public enum ResponseType {
    ERROR(-1),
    HEARTBEAT(0),
    BOOTSTRAP(1),
    JOB_STATE(2),
    JOB_STATUS(3),
    CONTROL_JOB(4),
    JOB_OUTPUT(5),
    RESOURCE_UTIL(6),
    JOB_NETWORK(7),
    CLUSTER_INFO(8),
    SET_LOAD_BALANCER_NODES(201),
    CONFIG_RELOAD(202),
    METRICS(203);

    private final int id;

    ResponseType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }
}
