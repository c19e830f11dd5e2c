package io.kubelauncher.kubernetes.policy;

import io.kubelauncher.kubernetes.config.ConfigException;
import io.kubelauncher.kubernetes.config.ConfigProblem;
import io.kubelauncher.kubernetes.config.ProfileKey;
import io.kubelauncher.kubernetes.config.ProfileSection;
import io.kubelauncher.kubernetes.config.ProfilesFile;
import io.kubelauncher.kubernetes.config.ResourceProfile;
import io.kubelauncher.kubernetes.config.ResourceProfilesFile;
import io.kubelauncher.kubernetes.config.SectionSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The profiles file and the resources file, loaded and checked against each other and against the
 * name service: replaced only as a whole, so a request never sees one new file with one old one.
 * {@code warnedUsers} holds the users already warned about order disagreements under these files.
 */
record PolicySnapshot(ProfilesFile profiles, ResourceProfilesFile resources, Set<String> warnedUsers) {

    /** Reads both files, reporting the problems of both when both are bad. */
    static PolicySnapshot load(Path profilesPath, Path resourcesPath, GroupResolver groups) throws ConfigException {
        List<ConfigException> failures = new ArrayList<>();
        ProfilesFile profiles = null;
        ResourceProfilesFile resources = null;
        try {
            profiles = ProfilesFile.read(profilesPath);
        } catch (ConfigException e) {
            failures.add(e);
        }
        try {
            resources = ResourceProfilesFile.read(resourcesPath);
        } catch (ConfigException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            throw failures.size() == 1 ? failures.get(0) : ConfigException.combine(failures);
        }
        return of(profiles, resources, groups);
    }

    static PolicySnapshot of(ProfilesFile profiles, ResourceProfilesFile resources, GroupResolver groups)
            throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        for (ProfileSection section : profiles.sections()) {
            SectionSelector selector = section.selector();
            if (selector.kind() == SectionSelector.Kind.GROUP && !groups.groupExists(selector.name())) {
                problems.add(new ConfigProblem(profiles.file() + ":" + section.line(), "unknown group "
                        + selector.name() + " in section " + selector + ": the system's name service has no such group"));
            }
            section.get(ProfileKey.RESOURCE_PROFILES).ifPresent(names -> {
                for (String name : names) {
                    if (!name.equals(ResourceProfile.CUSTOM) && resources.find(name).isEmpty()) {
                        problems.add(new ConfigProblem(profiles.file() + ":" + section.lineOf(ProfileKey.RESOURCE_PROFILES)
                                .getAsInt(), "resource-profiles: unknown resource profile " + name + " (" + resources.file()
                                + " defines " + defined(resources) + ")"));
                    }
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new PolicySnapshot(profiles, resources, ConcurrentHashMap.newKeySet());
    }

    private static String defined(ResourceProfilesFile resources) {
        return resources.profiles().isEmpty() ? "none"
                : resources.profiles().stream().map(ResourceProfile::name).collect(Collectors.joining(", "));
    }
}
