package io.kubelauncher.kubernetes.render;

import io.kubelauncher.api.model.InitContainer;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.kubernetes.translate.JobObjects;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Kubernetes demands of a job's init containers, checked before any object is made: a name
 * that is a DNS-1123 label, unique among all the pod's containers, and an image without surrounding
 * blanks. Kubernetes would otherwise refuse the whole Job with a message that names neither the job
 * field nor the init container.
 */
final class InitContainerRules {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final int MAX_LENGTH = 63;

    private InitContainerRules() {
    }

    /** @throws PluginException (Error 2) naming the init container Kubernetes would refuse, and why */
    static void check(Job job) {
        Set<String> taken = new HashSet<>();
        taken.add(JobObjects.MAIN_CONTAINER);
        // the init containers a job's metadata adds share the pod, and so the names
        MetadataInitContainers.of(job).forEach(c -> {
            if (c instanceof Map<?, ?> container && container.get("name") instanceof String name) {
                taken.add(name);
            }
        });
        List<InitContainer> initContainers = job.initContainers();
        for (int i = 0; i < initContainers.size(); i++) {
            InitContainer init = initContainers.get(i);
            String where = "initContainers[" + i + "]";
            String name = init.name();
            if (name.length() > MAX_LENGTH || !DNS_LABEL.matcher(name).matches()) {
                throw PluginException.invalidRequest(where + ": name '" + name + "' is not a valid container name: Kubernetes needs"
                        + " at most " + MAX_LENGTH + " lower-case letters, digits and '-', starting and ending with a letter or digit");
            }
            if (!taken.add(name)) {
                throw PluginException.invalidRequest(where + ": name '" + name + "' is already used by another container of the job's pod"
                        + (name.equals(JobObjects.MAIN_CONTAINER) ? " (the job's own container)" : ""));
            }
            if (init.image().isBlank()) {
                throw PluginException.invalidRequest(where + " (" + name + "): names no image");
            }
            if (!init.image().equals(init.image().strip())) {
                throw PluginException.invalidRequest(where + " (" + name + "): image '" + init.image() + "' has leading or trailing blanks");
            }
        }
    }
}
