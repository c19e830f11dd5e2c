package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A launcher job with every field of spec section 7, under its exact wire name.
 *
 * <p>Absent values are {@code null} (scalars) or empty (collections) and are left out of the JSON,
 * except {@code id}, which is always written. Lists and the metadata map are copied and
 * unmodifiable. Build one with {@link #builder()} or change one with {@link #toBuilder()}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Job(
        @JsonInclude(JsonInclude.Include.ALWAYS)
        String id,
        String name,
        String user,
        String group,
        String cluster,
        String command,
        String exe,
        List<String> args,
        List<Env> environment,
        String stdin,
        String stdoutFile,
        String stderrFile,
        String workingDirectory,
        Container container,
        List<InitContainer> initContainers,
        List<ExposedPort> exposedPorts,
        List<Mount> mounts,
        List<PlacementConstraint> placementConstraints,
        List<String> queues,
        List<ResourceLimit> resourceLimits,
        String resourceProfile,
        List<JobConfig> config,
        List<String> tags,
        Map<String, Object> metadata,
        String instanceId,
        String host,
        JobStatus status,
        String statusMessage,
        String statusCode,
        Integer pid,
        Integer exitCode,
        @JsonSerialize(using = WireTime.Serializer.class) @JsonDeserialize(using = WireTime.Deserializer.class)
        Instant submissionTime,
        @JsonSerialize(using = WireTime.Serializer.class) @JsonDeserialize(using = WireTime.Deserializer.class)
        Instant lastUpdateTime) {

    /** The resource profile a job without one is treated as having (Go SDK, API 3.5+). */
    public static final String CUSTOM_RESOURCE_PROFILE = "custom";

    public Job {
        args = Lists.copy(args);
        environment = Lists.copy(environment);
        initContainers = Lists.copy(initContainers);
        exposedPorts = Lists.copy(exposedPorts);
        mounts = Lists.copy(mounts);
        placementConstraints = Lists.copy(placementConstraints);
        queues = Lists.copy(queues);
        resourceLimits = Lists.copy(resourceLimits);
        config = Lists.copy(config);
        tags = Lists.copy(tags);
        metadata = Lists.copy(metadata);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.name = name;
        b.user = user;
        b.group = group;
        b.cluster = cluster;
        b.command = command;
        b.exe = exe;
        b.args = args;
        b.environment = environment;
        b.stdin = stdin;
        b.stdoutFile = stdoutFile;
        b.stderrFile = stderrFile;
        b.workingDirectory = workingDirectory;
        b.container = container;
        b.initContainers = initContainers;
        b.exposedPorts = exposedPorts;
        b.mounts = mounts;
        b.placementConstraints = placementConstraints;
        b.queues = queues;
        b.resourceLimits = resourceLimits;
        b.resourceProfile = resourceProfile;
        b.config = config;
        b.tags = tags;
        b.metadata = metadata;
        b.instanceId = instanceId;
        b.host = host;
        b.status = status;
        b.statusMessage = statusMessage;
        b.statusCode = statusCode;
        b.pid = pid;
        b.exitCode = exitCode;
        b.submissionTime = submissionTime;
        b.lastUpdateTime = lastUpdateTime;
        return b;
    }

    /** Whether the job carries every one of the given tags (Get Job's tag filter is an AND). */
    public boolean hasAllTags(Collection<String> wanted) {
        return tags.containsAll(wanted);
    }

    public static final class Builder {
        private String id;
        private String name;
        private String user;
        private String group;
        private String cluster;
        private String command;
        private String exe;
        private List<String> args;
        private List<Env> environment;
        private String stdin;
        private String stdoutFile;
        private String stderrFile;
        private String workingDirectory;
        private Container container;
        private List<InitContainer> initContainers;
        private List<ExposedPort> exposedPorts;
        private List<Mount> mounts;
        private List<PlacementConstraint> placementConstraints;
        private List<String> queues;
        private List<ResourceLimit> resourceLimits;
        private String resourceProfile;
        private List<JobConfig> config;
        private List<String> tags;
        private Map<String, Object> metadata;
        private String instanceId;
        private String host;
        private JobStatus status;
        private String statusMessage;
        private String statusCode;
        private Integer pid;
        private Integer exitCode;
        private Instant submissionTime;
        private Instant lastUpdateTime;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        public Builder command(String command) {
            this.command = command;
            return this;
        }

        public Builder exe(String exe) {
            this.exe = exe;
            return this;
        }

        public Builder args(List<String> args) {
            this.args = args;
            return this;
        }

        public Builder environment(List<Env> environment) {
            this.environment = environment;
            return this;
        }

        public Builder stdin(String stdin) {
            this.stdin = stdin;
            return this;
        }

        public Builder stdoutFile(String stdoutFile) {
            this.stdoutFile = stdoutFile;
            return this;
        }

        public Builder stderrFile(String stderrFile) {
            this.stderrFile = stderrFile;
            return this;
        }

        public Builder workingDirectory(String workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        public Builder container(Container container) {
            this.container = container;
            return this;
        }

        public Builder initContainers(List<InitContainer> initContainers) {
            this.initContainers = initContainers;
            return this;
        }

        public Builder exposedPorts(List<ExposedPort> exposedPorts) {
            this.exposedPorts = exposedPorts;
            return this;
        }

        public Builder mounts(List<Mount> mounts) {
            this.mounts = mounts;
            return this;
        }

        public Builder placementConstraints(List<PlacementConstraint> placementConstraints) {
            this.placementConstraints = placementConstraints;
            return this;
        }

        public Builder queues(List<String> queues) {
            this.queues = queues;
            return this;
        }

        public Builder resourceLimits(List<ResourceLimit> resourceLimits) {
            this.resourceLimits = resourceLimits;
            return this;
        }

        public Builder resourceProfile(String resourceProfile) {
            this.resourceProfile = resourceProfile;
            return this;
        }

        public Builder config(List<JobConfig> config) {
            this.config = config;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder metadata(Map<String, Object> metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder instanceId(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder status(JobStatus status) {
            this.status = status;
            return this;
        }

        public Builder statusMessage(String statusMessage) {
            this.statusMessage = statusMessage;
            return this;
        }

        public Builder statusCode(String statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        public Builder pid(Integer pid) {
            this.pid = pid;
            return this;
        }

        public Builder exitCode(Integer exitCode) {
            this.exitCode = exitCode;
            return this;
        }

        public Builder submissionTime(Instant submissionTime) {
            this.submissionTime = submissionTime;
            return this;
        }

        public Builder lastUpdateTime(Instant lastUpdateTime) {
            this.lastUpdateTime = lastUpdateTime;
            return this;
        }

        public Job build() {
            return new Job(id, name, user, group, cluster, command, exe, args, environment, stdin, stdoutFile, stderrFile, workingDirectory, container, initContainers, exposedPorts, mounts, placementConstraints, queues, resourceLimits, resourceProfile, config, tags, metadata, instanceId, host, status, statusMessage, statusCode, pid, exitCode, submissionTime, lastUpdateTime);
        }
    }
}
