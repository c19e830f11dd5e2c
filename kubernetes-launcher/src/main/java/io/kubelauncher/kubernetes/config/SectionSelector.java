package io.kubelauncher.kubernetes.config;

import java.util.Objects;
import java.util.Set;

/** Whom a profiles section applies to: {@code [*]}, {@code [@group]} or {@code [user]}. */
public record SectionSelector(Kind kind, String name) {

    /** Declared from least to most specific. */
    public enum Kind { EVERYONE, GROUP, USER }

    public SectionSelector {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    static SectionSelector parse(String header) throws InvalidValueException {
        if (header.equals("*")) {
            return new SectionSelector(Kind.EVERYONE, "*");
        }
        if (header.startsWith("@")) {
            String group = header.substring(1).strip();
            if (group.isEmpty()) {
                throw new InvalidValueException("section [@] needs a group name, e.g. [@posit-power-users]");
            }
            return new SectionSelector(Kind.GROUP, group);
        }
        return new SectionSelector(Kind.USER, header);
    }

    /** 0 for everyone, 1 for a group, 2 for a user. */
    public int specificity() {
        return kind.ordinal();
    }

    public boolean matches(String user, Set<String> groupsOfUser) {
        switch (kind) {
            case EVERYONE:
                return true;
            case GROUP:
                return groupsOfUser.contains(name);
            default:
                return name.equals(user);
        }
    }

    /** Whether some user could match both selectors. */
    boolean mayShareUsersWith(SectionSelector other) {
        if (kind == Kind.EVERYONE || other.kind == Kind.EVERYONE) {
            return true;
        }
        if (kind == Kind.USER && other.kind == Kind.USER) {
            return name.equals(other.name);
        }
        if (kind == Kind.GROUP && other.kind == Kind.GROUP) {
            return true;
        }
        return true; // a user and a group: the user may be a member
    }

    @Override
    public String toString() {
        switch (kind) {
            case EVERYONE:
                return "[*]";
            case GROUP:
                return "[@" + name + "]";
            default:
                return "[" + name + "]";
        }
    }
}
