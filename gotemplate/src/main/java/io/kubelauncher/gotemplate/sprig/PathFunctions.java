package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Types.BOOL;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;

/** Go's {@code path} functions, and {@code path/filepath}'s, which are the same on Unix. */
final class PathFunctions {

    private PathFunctions() {
    }

    static void register(Registry r) {
        r.add("base", sig(STRING, STRING), a -> base((String) a[0]));
        r.add("dir", sig(STRING, STRING), a -> dir((String) a[0]));
        r.add("clean", sig(STRING, STRING), a -> clean((String) a[0]));
        r.add("ext", sig(STRING, STRING), a -> ext((String) a[0]));
        r.add("isAbs", sig(BOOL, STRING), a -> ((String) a[0]).startsWith("/"));
        r.alias("osBase", "base");
        r.alias("osDir", "dir");
        r.alias("osClean", "clean");
        r.alias("osExt", "ext");
        r.alias("osIsAbs", "isAbs");
    }

    /** path.Clean: the shortest equivalent path, by lexical processing. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        int n = path.length();
        StringBuilder out = new StringBuilder(n);
        int r = 0;
        int dotdot = 0;
        if (rooted) {
            out.append('/');
            r = 1;
            dotdot = 1;
        }
        while (r < n) {
            char c = path.charAt(r);
            if (c == '/') {
                r++;
            } else if (c == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
                r++;
            } else if (c == '.' && path.charAt(r + 1) == '.' && (r + 2 == n || path.charAt(r + 2) == '/')) {
                r += 2;
                if (out.length() > dotdot) {
                    int w = out.length() - 1;
                    while (w > dotdot && out.charAt(w) != '/') {
                        w--;
                    }
                    out.setLength(w);
                } else if (!rooted) {
                    if (out.length() > 0) {
                        out.append('/');
                    }
                    out.append("..");
                    dotdot = out.length();
                }
            } else {
                if (rooted && out.length() != 1 || !rooted && out.length() != 0) {
                    out.append('/');
                }
                for (; r < n && path.charAt(r) != '/'; r++) {
                    out.append(path.charAt(r));
                }
            }
        }
        return out.length() == 0 ? "." : out.toString();
    }

    /** path.Base: the last element, trailing slashes removed; "." for "", "/" for only slashes. */
    static String base(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        path = path.substring(0, end);
        int i = path.lastIndexOf('/');
        if (i >= 0) {
            path = path.substring(i + 1);
        }
        return path.isEmpty() ? "/" : path;
    }

    /** path.Dir: all but the last element, cleaned. */
    static String dir(String path) {
        int i = path.lastIndexOf('/');
        return clean(path.substring(0, i + 1));
    }

    /** path.Ext: the suffix from the final dot of the last element. */
    static String ext(String path) {
        for (int i = path.length() - 1; i >= 0 && path.charAt(i) != '/'; i--) {
            if (path.charAt(i) == '.') {
                return path.substring(i);
            }
        }
        return "";
    }
}
