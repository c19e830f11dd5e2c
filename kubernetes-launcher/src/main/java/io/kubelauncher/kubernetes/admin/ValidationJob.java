package io.kubelauncher.kubernetes.admin;

import io.kubelauncher.api.model.Container;
import io.kubelauncher.api.model.Env;
import io.kubelauncher.api.model.ExposedPort;
import io.kubelauncher.api.model.InitContainer;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.PlacementConstraint;
import io.kubelauncher.api.model.ResourceLimit;
import io.kubelauncher.kubernetes.render.Admission;
import io.kubelauncher.kubernetes.render.JobContext;
import io.kubelauncher.kubernetes.render.TemplateDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The test job {@code --validate-templates} renders the templates for, built into a {@code .Job}
 * by the same code the plugin submits jobs with ({@link JobContext}), so the values have exactly the
 * types real jobs have. Every optional piece the templates emit conditionally (tags, metadata, an
 * exposed port, a launcher instance id, a placement constraint, an init container) is present, so
 * the checks see all.
 */
final class ValidationJob {

    static final String JOB_ID = "launcher-validation-job-x1y2z";

    private ValidationJob() {
    }

    /**
     * A fresh {@code .Job} context for {@code templateName}: as for a real job, only the Service's
     * template sees the Job's name ({@code id}, {@code serviceName}); the Job's own template renders
     * before Kubernetes has named it.
     */
    static Map<String, Object> context(String templateName) {
        Job job = Job.builder()
                .name("Template validation job")
                .user("validation-user")
                .cluster("Kubernetes")
                .exe("/usr/bin/env")
                .args(List.of("echo", "hello"))
                .environment(List.of(new Env("VALIDATION", "1")))
                .stdin("validation stdin")
                .workingDirectory("/home/validation-user")
                .container(new Container("rstudio/r-session-complete:validation", 1000, 1000, List.of(1000, 2000)))
                .exposedPorts(List.of(new ExposedPort(8787, null, "TCP")))
                .placementConstraints(List.of(new PlacementConstraint("node-pool", "validation")))
                .resourceLimits(List.of(new ResourceLimit("cpuCount", "1", null, null),
                        new ResourceLimit("memory", "512", null, null)))
                .tags(List.of("validation-tag-0", "validation-tag-1"))
                .metadata(Map.of("validation", Map.of("purpose", "template validation")))
                .instanceId("validation-instance")
                .initContainers(List.of(new InitContainer("validation-init", "busybox:validation", "echo", null, List.of("init"),
                        List.of(), List.of(new Env("VALIDATION", "1")))))
                .build();
        JobContext context = JobContext.of(Admission.unchanged(job), "Kubernetes", true);
        return context.toTemplateValue(TemplateDirectory.SERVICE.equals(templateName) ? Optional.of(JOB_ID)
                : Optional.empty());
    }
}
