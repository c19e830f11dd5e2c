package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Types.BOOL;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;
import static io.kubelauncher.gotemplate.sprig.Types.VERSION;

import io.kubelauncher.gotemplate.function.FunctionException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sprig's semver and semverCompare over Masterminds/semver v3.2 constraint rules. */
final class SemverFunctions {

    private static final String CV = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
    private static final String OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
    private static final Pattern CONSTRAINT = Pattern.compile("^\\s*(" + OPS + ")\\s*(" + CV + ")\\s*\\z");
    private static final Pattern RANGE = Pattern.compile("\\s*(" + CV + ")\\s+-\\s+(" + CV + ")\\s*");
    private static final Pattern FIND = Pattern.compile("(" + OPS + ")\\s*(" + CV + ")");
    private static final Pattern VALID = Pattern.compile("^(\\s*(" + OPS + ")\\s*(" + CV + ")\\s*)((?:\\s+|,\\s*)("
            + OPS + ")\\s*(" + CV + ")\\s*)*\\z");

    private SemverFunctions() {
    }

    static void register(Registry r) {
        r.add("semver", sig(VERSION, STRING).withError(), a -> {
            try {
                return SemverVersion.parse((String) a[0]);
            } catch (SemverVersion.SemverException e) {
                throw new FunctionException(e.getMessage());
            }
        });
        r.add("semverCompare", sig(BOOL, STRING, STRING).withError(), a -> {
            try {
                List<List<Constraint>> constraints = parseConstraints((String) a[0]);
                SemverVersion v = SemverVersion.parse((String) a[1]);
                for (List<Constraint> and : constraints) {
                    boolean joy = true;
                    for (Constraint c : and) {
                        if (!c.check(v)) {
                            joy = false;
                            break;
                        }
                    }
                    if (joy) {
                        return true;
                    }
                }
                return false;
            } catch (SemverVersion.SemverException e) {
                throw new FunctionException(e.getMessage());
            }
        });
    }

    /** One parsed constraint: operator, the version it names (x-ranges zeroed) and which parts were wildcards. */
    private record Constraint(String op, SemverVersion con, boolean dirty, boolean minorDirty, boolean patchDirty) {

        boolean check(SemverVersion v) {
            if (!v.pre().isEmpty() && con.pre().isEmpty() && !op.equals("!=")) {
                return false;
            }
            switch (op) {
                case "", "=":
                    return dirty ? tilde(v) : v.compareTo(con) == 0;
                case "!=":
                    return notEqual(v);
                case ">":
                    if (!dirty) {
                        return v.compareTo(con) > 0;
                    }
                    if (Long.compareUnsigned(v.major(), con.major()) > 0) {
                        return true;
                    } else if (Long.compareUnsigned(v.major(), con.major()) < 0 || minorDirty) {
                        return false;
                    } else if (patchDirty) {
                        return Long.compareUnsigned(v.minor(), con.minor()) > 0;
                    }
                    return v.compareTo(con) > 0;
                case "<":
                    return v.compareTo(con) < 0;
                case ">=", "=>":
                    return v.compareTo(con) >= 0;
                case "<=", "=<":
                    if (!dirty) {
                        return v.compareTo(con) <= 0;
                    }
                    if (Long.compareUnsigned(v.major(), con.major()) > 0) {
                        return false;
                    }
                    return !(v.major() == con.major() && Long.compareUnsigned(v.minor(), con.minor()) > 0 && !minorDirty);
                case "~", "~>":
                    return tilde(v);
                case "^":
                    return caret(v);
                default:
                    return false;
            }
        }

        private boolean tilde(SemverVersion v) {
            if (v.compareTo(con) < 0) {
                return false;
            }
            if (con.major() == 0 && con.minor() == 0 && con.patch() == 0 && !minorDirty && !patchDirty) {
                return true;
            }
            if (v.major() != con.major()) {
                return false;
            }
            return v.minor() == con.minor() || minorDirty;
        }

        private boolean caret(SemverVersion v) {
            if (v.compareTo(con) < 0) {
                return false;
            }
            if (con.major() > 0 || minorDirty) {
                return v.major() == con.major();
            }
            if (v.major() > 0) {
                return false;
            }
            if (con.minor() > 0 || patchDirty) {
                return v.minor() == con.minor();
            }
            if (v.minor() > 0) {
                return false;
            }
            return con.patch() == v.patch();
        }

        private boolean notEqual(SemverVersion v) {
            if (dirty) {
                if (!v.pre().isEmpty() && con.pre().isEmpty()) {
                    return false;
                }
                if (con.major() != v.major()) {
                    return true;
                }
                if (con.minor() != v.minor() && !minorDirty) {
                    return true;
                } else if (minorDirty) {
                    return false;
                } else if (con.patch() != v.patch() && !patchDirty) {
                    return true;
                } else if (patchDirty) {
                    if (!v.pre().isEmpty() || !con.pre().isEmpty()) {
                        return SemverVersion.comparePrerelease(v.pre(), con.pre()) != 0;
                    }
                    return false;
                }
            }
            return v.compareTo(con) != 0;
        }
    }

    private static List<List<Constraint>> parseConstraints(String c) throws SemverVersion.SemverException {
        c = rewriteRange(c);
        List<List<Constraint>> or = new ArrayList<>();
        for (String v : c.split("\\|\\|", -1)) {
            if (!VALID.matcher(v).find()) {
                throw new SemverVersion.SemverException("improper constraint: " + v);
            }
            List<String> cs = new ArrayList<>();
            Matcher m = FIND.matcher(v);
            while (m.find()) {
                cs.add(m.group());
            }
            if (cs.isEmpty()) {
                cs.add(v);
            }
            List<Constraint> and = new ArrayList<>();
            for (String s : cs) {
                and.add(parseConstraint(s));
            }
            or.add(and);
        }
        return or;
    }

    private static Constraint parseConstraint(String c) throws SemverVersion.SemverException {
        if (c.isEmpty()) {
            return new Constraint("", SemverVersion.parse("0.0.0"), true, false, false);
        }
        Matcher m = CONSTRAINT.matcher(c);
        if (!m.find()) {
            throw new SemverVersion.SemverException("improper constraint: " + c);
        }
        String g3 = nz(m.group(3));
        String g4 = nz(m.group(4));
        String g5 = nz(m.group(5));
        String g6 = nz(m.group(6));
        String ver = m.group(2);
        boolean minorDirty = false;
        boolean patchDirty = false;
        boolean dirty = false;
        if (isX(g3) || g3.isEmpty()) {
            ver = "0.0.0" + g6;
            dirty = true;
        } else if (isX(trimDot(g4)) || g4.isEmpty()) {
            minorDirty = true;
            dirty = true;
            ver = g3 + ".0.0" + g6;
        } else if (isX(trimDot(g5)) || g5.isEmpty()) {
            dirty = true;
            patchDirty = true;
            ver = g3 + g4 + ".0" + g6;
        }
        SemverVersion con;
        try {
            con = SemverVersion.parse(ver);
        } catch (SemverVersion.SemverException e) {
            throw new SemverVersion.SemverException("constraint Parser Error");
        }
        return new Constraint(m.group(1), con, dirty, minorDirty, patchDirty);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String trimDot(String s) {
        return s.startsWith(".") ? s.substring(1) : s;
    }

    private static boolean isX(String x) {
        return x.equals("x") || x.equals("*") || x.equals("X");
    }

    private static String rewriteRange(String i) {
        Matcher m = RANGE.matcher(i);
        String o = i;
        while (m.find()) {
            String t = ">= " + m.group(1) + ", <= " + m.group(11);
            o = o.replaceFirst(Pattern.quote(m.group()), java.util.regex.Matcher.quoteReplacement(t));
        }
        return o;
    }
}
