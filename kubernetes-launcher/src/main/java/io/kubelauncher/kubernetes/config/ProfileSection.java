package io.kubelauncher.kubernetes.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** One section of the profiles file with its parsed settings. */
public final class ProfileSection {

    record Setting(Object value, int line) {}

    private final SectionSelector selector;
    private final int line;
    private final Map<ProfileKey<?>, Setting> settings;

    ProfileSection(SectionSelector selector, int line, Map<ProfileKey<?>, Setting> settings) {
        this.selector = Objects.requireNonNull(selector, "selector");
        this.line = line;
        this.settings = Map.copyOf(settings);
    }

    public SectionSelector selector() {
        return selector;
    }

    /** The line of the section header. */
    public int line() {
        return line;
    }

    public Set<ProfileKey<?>> keys() {
        return settings.keySet();
    }

    public boolean isEmpty() {
        return settings.isEmpty();
    }

    @SuppressWarnings("unchecked") // the value was produced by key's own parser
    public <T> Optional<T> get(ProfileKey<T> key) {
        Setting setting = settings.get(key);
        return setting == null ? Optional.empty() : Optional.of((T) setting.value());
    }

    public OptionalInt lineOf(ProfileKey<?> key) {
        Setting setting = settings.get(key);
        return setting == null ? OptionalInt.empty() : OptionalInt.of(setting.line());
    }

    @Override
    public String toString() {
        return selector + " (line " + line + ")";
    }
}
