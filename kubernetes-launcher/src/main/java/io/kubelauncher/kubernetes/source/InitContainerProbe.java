package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.kubelauncher.api.model.InitContainer;
import io.kubelauncher.kubernetes.render.Admission;
import io.kubelauncher.kubernetes.render.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds out whether a job template honours the Launcher's init containers, by what it does rather
 * than by what its text mentions (a mention may sit in a comment or a branch never taken, and an
 * {@code include} may hide the real one): a probe job with one init container is rendered, and the
 * template passes when the Job it makes has that init container with the probe's image and command.
 */
final class InitContainerProbe {

    private static final Logger log = LoggerFactory.getLogger(InitContainerProbe.class);
    static final String NAME = "launcher-init-probe";
    static final String IMAGE = "launcher.invalid/init-probe:1";
    static final String COMMAND = "echo launcher-init-probe";

    private InitContainerProbe() {
    }

    /**
     * @param render renders job.tpl for a context (may throw: then the template does not pass)
     * @param read reads the rendered YAML as a Job
     */
    static boolean passes(Function<JobContext, String> render, Function<String, Job> read) {
        io.kubelauncher.api.model.Job probe = io.kubelauncher.api.model.Job.builder()
                .name("init-container-probe").user("launcher-probe").command("true")
                .container(io.kubelauncher.api.model.Container.of("launcher.invalid/job-probe:1"))
                .initContainers(List.of(new InitContainer(NAME, IMAGE, COMMAND, null, List.of(), List.of(), List.of())))
                .build();
        try {
            Job rendered = read.apply(render.apply(JobContext.of(Admission.unchanged(probe), "Kubernetes", false)));
            List<Container> initContainers = Optional.ofNullable(rendered.getSpec()).map(s -> s.getTemplate())
                    .map(t -> t.getSpec()).map(PodSpec::getInitContainers).orElse(List.of());
            return initContainers.stream().anyMatch(c -> NAME.equals(c.getName()) && IMAGE.equals(c.getImage())
                    && commandLine(c).contains(COMMAND));
        } catch (RuntimeException e) {
            log.warn("rendering job.tpl for a job with an init container failed, so init containers are taken as unsupported: {}",
                    e.getMessage());
            return false;
        }
    }

    private static List<String> commandLine(Container c) {
        List<String> line = new ArrayList<>();
        Optional.ofNullable(c.getCommand()).ifPresent(line::addAll);
        Optional.ofNullable(c.getArgs()).ifPresent(line::addAll);
        return line;
    }
}
