package io.kubelauncher.kubernetes.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code launcher.kubernetes.resources.conf}: named resource profiles, in file order. Optional: a
 * missing file defines none.
 */
public record ResourceProfilesFile(String file, List<ResourceProfile> profiles) {

    private static final Set<String> KEYS = Set.of(
            "name", "cpus", "cpus-request", "mem-mb", "mem-mb-request", "nvidia-gpus", "amd-gpus",
            "placement-constraints");

    public ResourceProfilesFile {
        Objects.requireNonNull(file, "file");
        profiles = List.copyOf(profiles);
    }

    public static ResourceProfilesFile empty(String file) {
        return new ResourceProfilesFile(file, List.of());
    }

    public static ResourceProfilesFile read(Path file) throws ConfigException {
        Optional<String> text = ConfigFiles.readOptional(file);
        return text.isEmpty() ? empty(file.toString()) : parse(file.toString(), text.get());
    }

    public static ResourceProfilesFile parse(String file, String text) throws ConfigException {
        Problems problems = new Problems();
        List<ResourceProfile> profiles = new ArrayList<>();
        for (IniReader.Section section : IniReader.parse(file, text)) {
            String header = file + ":" + section.line();
            if (section.name().equals(ResourceProfile.CUSTOM)) {
                problems.add(header, "[custom] is the built-in profile of jobs that set their own limits;"
                        + " give this profile another name");
                continue;
            }
            Map<String, IniReader.Entry> entries = new HashMap<>();
            for (IniReader.Entry entry : section.entries()) {
                if (KEYS.contains(entry.key())) {
                    entries.put(entry.key(), entry);
                } else {
                    problems.add(file + ":" + entry.line(), "unknown key " + entry.key() + " in resource profile ["
                            + section.name() + "] (known keys: name, cpus, cpus-request, mem-mb, mem-mb-request,"
                            + " nvidia-gpus, amd-gpus, placement-constraints)");
                }
            }
            Section reader = new Section(file, section, entries, problems);
            String displayName = reader.optional("name", ResourceProfilesFile::displayName).orElse(section.name());
            BigDecimal cpus = reader.required("cpus", ValueSyntax::nonNegativeDecimal);
            Optional<BigDecimal> cpusRequest = reader.optional("cpus-request", ValueSyntax::nonNegativeDecimal);
            BigDecimal memMb = reader.required("mem-mb", ValueSyntax::nonNegativeDecimal);
            Optional<BigDecimal> memMbRequest = reader.optional("mem-mb-request", ValueSyntax::nonNegativeDecimal);
            int nvidia = reader.optional("nvidia-gpus", raw -> (int) ValueSyntax.wholeNumber(raw, 0, 1024)).orElse(0);
            int amd = reader.optional("amd-gpus", raw -> (int) ValueSyntax.wholeNumber(raw, 0, 1024)).orElse(0);
            List<PlacementConstraintOption> constraints = reader
                    .optional("placement-constraints", raw -> ValueSyntax.placementConstraints(raw, true))
                    .orElse(List.of());
            reader.requestWithinLimit("cpus-request", cpusRequest, "cpus", cpus);
            reader.requestWithinLimit("mem-mb-request", memMbRequest, "mem-mb", memMb);
            if (cpus != null && memMb != null) {
                profiles.add(new ResourceProfile(section.name(), displayName, cpus, cpusRequest, memMb, memMbRequest,
                        nvidia, amd, constraints, section.line()));
            }
        }
        problems.throwIfAny();
        return new ResourceProfilesFile(file, profiles);
    }

    /** Workbench lists profiles by this name, so an empty one would be an unlabelled choice. */
    private static String displayName(String raw) throws InvalidValueException {
        String name = ValueSyntax.string(raw).strip();
        if (name.isEmpty()) {
            throw new InvalidValueException("empty display name; leave name out to use the section title");
        }
        return name;
    }

    public Optional<ResourceProfile> find(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String raw) throws InvalidValueException;
    }

    private static final class Section {
        private final String file;
        private final IniReader.Section section;
        private final Map<String, IniReader.Entry> entries;
        private final Problems problems;

        Section(String file, IniReader.Section section, Map<String, IniReader.Entry> entries, Problems problems) {
            this.file = file;
            this.section = section;
            this.entries = entries;
            this.problems = problems;
        }

        <T> Optional<T> optional(String key, Parser<T> parser) {
            IniReader.Entry entry = entries.get(key);
            if (entry == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(parser.parse(entry.value()));
            } catch (InvalidValueException e) {
                problems.add(file + ":" + entry.line(), key + ": " + e.getMessage());
                return Optional.empty();
            }
        }

        /** @return null when missing or bad (and then reported) */
        <T> T required(String key, Parser<T> parser) {
            if (!entries.containsKey(key)) {
                problems.add(file + ":" + section.line(), "resource profile [" + section.name()
                        + "] is missing the required key " + key);
                return null;
            }
            return optional(key, parser).orElse(null);
        }

        void requestWithinLimit(String requestKey, Optional<BigDecimal> request, String limitKey, BigDecimal limit) {
            if (request.isPresent() && limit != null && limit.signum() > 0 && request.get().compareTo(limit) > 0) {
                problems.add(file + ":" + entries.get(requestKey).line(), requestKey + " "
                        + request.get().toPlainString() + " exceeds " + limitKey + " " + limit.toPlainString()
                        + " in resource profile [" + section.name() + "]: a request cannot be above its limit");
            }
        }
    }
}
