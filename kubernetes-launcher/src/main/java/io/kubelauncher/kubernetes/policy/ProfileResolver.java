package io.kubelauncher.kubernetes.policy;

import io.kubelauncher.kubernetes.config.ProfileKey;
import io.kubelauncher.kubernetes.config.ProfileSection;
import io.kubelauncher.kubernetes.config.ProfilesFile;
import java.math.BigDecimal;
import java.util.ArrayList;
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
        return resolveWithDisagreements(user, groups).profile();
    }

    /**
     * The profile, and the keys for which the admin guide's "later wins" reading of the file would
     * give this user another value (the file's order warnings say where; this says for whom).
     */
    Resolution resolveWithDisagreements(String user, Set<String> groups) {
        Lookup in = new Lookup(file.sections(), user, groups);
        UserProfile profile = new UserProfile(
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
        return new Resolution(profile, List.copyOf(in.disagreements));
    }

    record Resolution(UserProfile profile, List<String> disagreements) {}

    private static final class Lookup {
        private final List<ProfileSection> sections;
        private final String user;
        private final Set<String> groups;
        private final List<String> disagreements = new ArrayList<>();

        Lookup(List<ProfileSection> sections, String user, Set<String> groups) {
            this.sections = sections;
            this.user = user;
            this.groups = groups;
        }

        <T> Optional<T> get(ProfileKey<T> key) {
            int highest = 0;
            Optional<T> value = Optional.empty();
            Optional<T> laterWins = Optional.empty();
            for (ProfileSection section : sections) {
                if (section.isEmpty() || !section.selector().matches(user, groups)) {
                    continue;
                }
                Optional<T> here = section.get(key);
                if (here.isPresent()) {
                    laterWins = here;
                }
                int specificity = section.selector().specificity();
                if (specificity < highest) {
                    continue;
                }
                highest = specificity;
                if (here.isPresent()) {
                    value = here;
                }
            }
            if (!value.equals(laterWins)) {
                disagreements.add(key.name());
            }
            return value;
        }
    }
}
