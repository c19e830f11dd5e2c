package io.kubelauncher.kubernetes.translate;

/**
 * The labels and annotations the vendor's templates write (and ours too), which are all a plugin
 * instance has to rebuild a launcher job from Kubernetes: there is no other job database.
 */
public final class LauncherKeys {

    /** Label on Jobs and Services: selects what the launcher manages. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "launcher";
    /** Label on Jobs, pods and Services: the Launcher instance that submitted the job. */
    public static final String INSTANCE_ID = "launcher-instance-id";
    /** Label the Job controller puts on pods and our Service selects on (Service label too). */
    public static final String JOB_NAME = "job-name";

    // Pod template annotations.
    public static final String USER = "user";
    public static final String NAME = "name";
    public static final String STDIN = "stdin";
    public static final String SERVICE_PORTS = "service_ports";
    public static final String USER_METADATA = "user_metadata";
    public static final String USER_TAG_PREFIX = "USER_TAG_";

    /**
     * Job annotation (ours, not the vendor's) holding the submitted job's fields that the pod spec
     * cannot give back exactly (a shell command's separate args, every mount type, the requested
     * limits, config...), as launcher JSON. Jobs without it, e.g. the vendor plugin's, are read from
     * the pod spec instead.
     */
    public static final String SUBMITTED = "kubelauncher.io/submitted";

    /**
     * Job annotation (ours) recording when a plugin instance took on delivering the job's stdin; written
     * with the Job's resourceVersion as a precondition, so that exactly one instance ever does.
     */
    public static final String STDIN_CLAIMED = "kubelauncher.io/stdin-claimed";
    /**
     * Job annotation (ours) written when {@code stdin-annotation=0}: the job's stdin waits in the Secret
     * {@code <job>-stdin} (owned by the Job) until delivered, so that any instance, also after a restart,
     * can deliver it.
     */
    public static final String STDIN_SECRET = "kubelauncher.io/stdin-secret";

    private LauncherKeys() {
    }
}
