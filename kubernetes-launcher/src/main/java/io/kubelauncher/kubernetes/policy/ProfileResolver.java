package io.kubelauncher.kubernetes.policy;

import io.kubelauncher.kubernetes.config.ProfileKey;
import io.kubelauncher.kubernetes.config.ProfileSection;
import io.kubelauncher.kubernetes.config.ProfilesFile;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the profiles file for one user with the SDK's precedence: sections are walked in file
 * order; a section less specific than the most specific one matched so far is skipped; a matching
 * section raises the specificity and its value, if it has the key, replaces the previous one. So
 * a user section beats group sections, which beat {@code [*]}; among several matching groups the
 * later one wins; and a matching, more specific section without the key still hides later, less
 * specific sections (the file warns about such orders when it is read). Sections without keys are
 * ignored, as the SDK drops them.
 */
final class ProfileResolver {

    private final ProfilesFile file;

    ProfileResolver(ProfilesFile file) {
        this.file = file;
    }

    UserProfile resolve(String user, Set<String> groups) {
        Lookup in = new Lookup(file.sections(), user, groups);
        return new UserProfile(
                in.get(ProfileKey.CONTAINER_IMAGES).orElse(List.of()),
                in.get(ProfileKey.DEFAULT_CONTAINER_IMAGE).filter(s -> !s.isEmpty()),
                in.get(ProfileKey.ALLOW_UNKNOWN_IMAGES).orElse(true),
                in.get(ProfileKey.PLACEMENT_CONSTRAINTS).orElse(List.of()),
                in.get(ProfileKey.DEFAULT_CPUS).orElse(BigDecimal.ZERO),
                in.get(ProfileKey.DEFAULT_CPUS_REQUEST).orElse(BigDecimal.ZERO),
                in.get(ProfileKey.DEFAULT_MEM_MB).orElse(BigDecimal.ZERO),
                in.get(ProfileKey.DEFAULT_MEM_MB_REQUEST).orElse(BigDecimal.ZERO),
                in.get(ProfileKey.MAX_CPUS).orElse(BigDecimal.ZERO),
                in.get(ProfileKey.MAX_CPUS_REQUEST).orElse(BigDecimal.ZERO),
                in.get(ProfileKey.MAX_MEM_MB).orElse(BigDecimal.ZERO),
                in.get(ProfileKey.MAX_MEM_MB_REQUEST).orElse(BigDecimal.ZERO),
                in.get(ProfileKey.JOB_JSON_OVERRIDES).orElse(List.of()),
                in.get(ProfileKey.CPU_REQUEST_RATIO).orElse(BigDecimal.ONE),
                in.get(ProfileKey.MEMORY_REQUEST_RATIO).orElse(BigDecimal.ONE),
                in.get(ProfileKey.DEFAULT_NVIDIA_GPUS).orElse(0),
                in.get(ProfileKey.DEFAULT_AMD_GPUS).orElse(0),
                in.get(ProfileKey.MAX_NVIDIA_GPUS).orElse(0),
                in.get(ProfileKey.MAX_AMD_GPUS).orElse(0),
                in.get(ProfileKey.RESOURCE_PROFILES),
                in.get(ProfileKey.ALLOW_CUSTOM_RESOURCES).orElse(true));
    }

    private static final class Lookup {
        private final List<ProfileSection> sections;
        private final String user;
        private final Set<String> groups;

        Lookup(List<ProfileSection> sections, String user, Set<String> groups) {
            this.sections = sections;
            this.user = user;
            this.groups = groups;
        }

        <T> Optional<T> get(ProfileKey<T> key) {
            int highest = 0;
            Optional<T> value = Optional.empty();
            for (ProfileSection section : sections) {
                int specificity = section.selector().specificity();
                if (section.isEmpty() || specificity < highest || !section.selector().matches(user, groups)) {
                    continue;
                }
                highest = specificity;
                Optional<T> here = section.get(key);
                if (here.isPresent()) {
                    value = here;
                }
            }
            return value;
        }
    }
}
