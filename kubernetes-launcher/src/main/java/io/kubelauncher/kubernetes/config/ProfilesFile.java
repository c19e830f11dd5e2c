package io.kubelauncher.kubernetes.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code launcher.kubernetes.profiles.conf}: {@code [*]}, {@code [@group]} and {@code [user]}
 * sections of the keys in {@link ProfileKey}, in file order. Reading checks syntax, key names and
 * value types; whether named groups exist and named resource profiles are defined is checked by
 * the policy that combines this file with the name service and the resources file.
 *
 * @param file the path as named in messages
 * @param sections the sections in file order (sections without keys included)
 * @param orderWarnings places where the file's order makes the SDK precedence (used) and the admin
 *     guide's "later wins" reading disagree for users that match both sections
 */
public record ProfilesFile(String file, List<ProfileSection> sections, List<ConfigProblem> orderWarnings) {

    public ProfilesFile {
        Objects.requireNonNull(file, "file");
        sections = List.copyOf(sections);
        orderWarnings = List.copyOf(orderWarnings);
    }

    public static ProfilesFile empty(String file) {
        return new ProfilesFile(file, List.of(), List.of());
    }

    /** Reads the file; a missing file is an empty one (profiles are optional). */
    public static ProfilesFile read(Path file) throws ConfigException {
        Optional<String> text = ConfigFiles.readOptional(file);
        Path dir = file.toAbsolutePath().getParent();
        return text.isEmpty() ? empty(file.toString()) : parse(file.toString(), dir, text.get());
    }

    /**
     * @param baseDir where relative {@code job-json-overrides} value files are looked up
     */
    public static ProfilesFile parse(String file, Path baseDir, String text) throws ConfigException {
        List<IniReader.Section> raw = IniReader.parse(file, text);
        Problems problems = new Problems();
        List<ProfileSection> sections = new ArrayList<>();
        for (IniReader.Section section : raw) {
            SectionSelector selector;
            try {
                selector = SectionSelector.parse(section.name());
            } catch (InvalidValueException e) {
                problems.add(file + ":" + section.line(), e.getMessage());
                continue;
            }
            Map<ProfileKey<?>, ProfileSection.Setting> settings = new LinkedHashMap<>();
            for (IniReader.Entry entry : section.entries()) {
                String where = file + ":" + entry.line();
                Optional<ProfileKey<?>> key = ProfileKey.named(entry.key());
                if (key.isEmpty()) {
                    problems.add(where, "unknown key " + entry.key() + " in section " + selector
                            + suggestion(entry.key()));
                    continue;
                }
                try {
                    Object value = key.get().parse(entry.value(), baseDir);
                    settings.put(key.get(), new ProfileSection.Setting(value, entry.line()));
                } catch (InvalidValueException e) {
                    problems.add(where, entry.key() + ": " + e.getMessage());
                }
            }
            sections.add(new ProfileSection(selector, section.line(), settings));
        }
        problems.throwIfAny();
        return new ProfilesFile(file, sections, orderWarnings(file, sections));
    }

    private static String suggestion(String unknown) {
        String known = ProfileKey.all().stream().map(ProfileKey::name).collect(Collectors.joining(", "));
        return " (known keys: " + known + ")";
    }

    /**
     * The SDK lets a matching, more specific section hide every later, less specific one; the
     * admin guide reads the file top to bottom. Both agree unless a less specific section with
     * settings follows a more specific one that some user may match too.
     */
    private static List<ConfigProblem> orderWarnings(String file, List<ProfileSection> sections) {
        List<ConfigProblem> warnings = new ArrayList<>();
        for (int later = 0; later < sections.size(); later++) {
            ProfileSection b = sections.get(later);
            if (b.isEmpty()) {
                continue;
            }
            List<String> hiding = new ArrayList<>();
            for (int earlier = 0; earlier < later; earlier++) {
                ProfileSection a = sections.get(earlier);
                if (!a.isEmpty() && a.selector().specificity() > b.selector().specificity()
                        && a.selector().mayShareUsersWith(b.selector())) {
                    hiding.add(a.selector() + " (line " + a.line() + ")");
                }
            }
            if (!hiding.isEmpty()) {
                String keys = b.keys().stream().map(ProfileKey::name).sorted().collect(Collectors.joining(", "));
                warnings.add(new ConfigProblem(file + ":" + b.line(), "section " + b.selector()
                        + " comes after the more specific " + String.join(", ", hiding)
                        + ": for a user matching both, the more specific section wins and " + b.selector()
                        + "'s " + keys + " do not apply, although the file is read top to bottom;"
                        + " move " + b.selector() + " above them to make the order and the precedence agree"));
            }
        }
        return warnings;
    }
}
