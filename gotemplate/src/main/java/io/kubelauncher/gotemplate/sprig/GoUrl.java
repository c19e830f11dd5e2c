package io.kubelauncher.gotemplate.sprig;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The parts of Go's net/url that urlParse and urlJoin use: Parse, URL.String, Hostname, Userinfo. */
final class GoUrl {

    enum Mode { PATH, HOST, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT }

    String scheme = "";
    String opaque = "";
    String username;
    String password;
    boolean passwordSet;
    boolean hasUser;
    String host = "";
    String path = "";
    String rawQuery = "";
    boolean forceQuery;
    String fragment = "";
    boolean omitHost;

    /** A parse failure with Go's message (without the "parse URL:" wrapping). */
    static final class UrlException extends Exception {
        private static final long serialVersionUID = 1L;

        UrlException(String message) {
            super(message, null, false, false);
        }
    }

    /** url.Parse; errors are Go's {@code parse "URL": reason}. */
    static GoUrl parse(String rawUrl) throws UrlException {
        int hash = rawUrl.indexOf('#');
        String u = hash < 0 ? rawUrl : rawUrl.substring(0, hash);
        GoUrl url;
        try {
            url = parseNoFragment(u);
        } catch (UrlException e) {
            throw new UrlException("parse " + goQuote(u) + ": " + e.getMessage());
        }
        if (hash >= 0) {
            String frag = rawUrl.substring(hash + 1);
            try {
                url.fragment = unescape(frag, Mode.FRAGMENT);
            } catch (UrlException e) {
                throw new UrlException("parse " + goQuote(rawUrl) + ": " + e.getMessage());
            }
        }
        return url;
    }

    private static GoUrl parseNoFragment(String rawUrl) throws UrlException {
        for (int i = 0; i < rawUrl.length(); i++) {
            char c = rawUrl.charAt(i);
            if (c < ' ' || c == 0x7F) {
                throw new UrlException("net/url: invalid control character in URL");
            }
        }
        GoUrl url = new GoUrl();
        if (rawUrl.equals("*")) {
            url.path = "*";
            return url;
        }
        String rest = rawUrl;
        for (int i = 0; i < rawUrl.length(); i++) {
            char c = rawUrl.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new UrlException("missing protocol scheme");
                }
                url.scheme = rawUrl.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                rest = rawUrl.substring(i + 1);
            }
            break;
        }
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            url.forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                url.rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            if (!url.scheme.isEmpty()) {
                url.opaque = rest;
                return url;
            }
            int slash = rest.indexOf('/');
            String segment = slash < 0 ? rest : rest.substring(0, slash);
            if (segment.contains(":")) {
                throw new UrlException("first path segment in URL cannot contain colon");
            }
        }
        if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            url.parseAuthority(authority);
        } else if (!url.scheme.isEmpty() && rest.startsWith("/")) {
            url.omitHost = true;
        }
        url.path = unescape(rest, Mode.PATH);
        return url;
    }

    private void parseAuthority(String authority) throws UrlException {
        int at = authority.lastIndexOf('@');
        host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (at < 0) {
            return;
        }
        String userinfo = authority.substring(0, at);
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
                throw new UrlException("net/url: invalid userinfo");
            }
        }
        hasUser = true;
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            username = unescape(userinfo, Mode.USER_PASSWORD);
        } else {
            username = unescape(userinfo.substring(0, colon), Mode.USER_PASSWORD);
            password = unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD);
            passwordSet = true;
        }
    }

    private static String parseHost(String host) throws UrlException {
        if (host.startsWith("[")) {
            int i = host.lastIndexOf(']');
            if (i < 0) {
                throw new UrlException("missing ']' in host");
            }
            String colonPort = host.substring(i + 1);
            if (!validOptionalPort(colonPort)) {
                throw new UrlException("invalid port " + goQuote(colonPort) + " after host");
            }
        } else {
            int i = host.lastIndexOf(':');
            if (i >= 0) {
                String colonPort = host.substring(i);
                if (!validOptionalPort(colonPort)) {
                    throw new UrlException("invalid port " + goQuote(colonPort) + " after host");
                }
            }
        }
        return unescape(host, Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** URL.Hostname(): the host without port or IPv6 brackets. */
    String hostname() {
        String h = host;
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && validOptionalPort(h.substring(colon))) {
            h = h.substring(0, colon);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h;
    }

    /** Userinfo.String(), "" without user info. */
    String userinfo() {
        if (!hasUser) {
            return "";
        }
        String s = escape(username, Mode.USER_PASSWORD);
        if (passwordSet) {
            s += ":" + escape(password, Mode.USER_PASSWORD);
        }
        return s;
    }

    /** URL.String(). */
    @Override
    public String toString() {
        StringBuilder buf = new StringBuilder();
        if (!scheme.isEmpty()) {
            buf.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            buf.append(opaque);
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || hasUser) {
                if (!(omitHost && host.isEmpty() && !hasUser)) {
                    if (!host.isEmpty() || !path.isEmpty() || hasUser) {
                        buf.append("//");
                    }
                    if (hasUser) {
                        buf.append(userinfo()).append('@');
                    }
                    if (!host.isEmpty()) {
                        buf.append(escape(host, Mode.HOST));
                    }
                }
            }
            String p = path.equals("*") ? "*" : escape(path, Mode.PATH);
            if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
                buf.append('/');
            }
            if (buf.length() == 0) {
                int slash = p.indexOf('/');
                String segment = slash < 0 ? p : p.substring(0, slash);
                if (segment.contains(":")) {
                    buf.append("./");
                }
            }
            buf.append(p);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            buf.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            buf.append('#').append(escape(fragment, Mode.FRAGMENT));
        }
        return buf.toString();
    }

    static boolean shouldEscape(int c, Mode mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if (mode == Mode.HOST) {
            if ("!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
                return false;
            }
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            switch (mode) {
                case PATH:
                    return c == '?';
                case USER_PASSWORD:
                    return c == '@' || c == '/' || c == '?' || c == ':';
                case QUERY_COMPONENT:
                    return true;
                case FRAGMENT:
                    return false;
                default:
                    break;
            }
        }
        if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) {
            return false;
        }
        return true;
    }

    static String escape(String s, Mode mode) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(b.length + 8);
        for (byte x : b) {
            int c = x & 0xFF;
            if (shouldEscape(c, mode)) {
                if (c == ' ' && mode == Mode.QUERY_COMPONENT) {
                    out.append('+');
                } else {
                    out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
                }
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    static String unescape(String s, Mode mode) throws UrlException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        boolean any = false;
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xFF;
            if (c == '%') {
                any = true;
                if (i + 2 >= b.length || hex(b[i + 1]) < 0 || hex(b[i + 2]) < 0) {
                    String bad = new String(b, i, Math.min(3, b.length - i), StandardCharsets.UTF_8);
                    throw new UrlException("invalid URL escape " + goQuote(bad));
                }
                if (mode == Mode.HOST && hex(b[i + 1]) < 8 && !(b[i + 1] == '2' && b[i + 2] == '5')) {
                    throw new UrlException("invalid URL escape " + goQuote(new String(b, i, 3, StandardCharsets.UTF_8)));
                }
                i += 3;
            } else {
                if (mode == Mode.HOST && c < 0x80 && shouldEscape(c, mode)) {
                    throw new UrlException("invalid character " + goQuote(String.valueOf((char) c)) + " in host name");
                }
                if (c == '+') {
                    any |= mode == Mode.QUERY_COMPONENT;
                }
                i++;
            }
        }
        if (!any) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xFF;
            if (c == '%') {
                out.write(hex(b[i + 1]) << 4 | hex(b[i + 2]));
                i += 3;
            } else if (c == '+' && mode == Mode.QUERY_COMPONENT) {
                out.write(' ');
                i++;
            } else {
                out.write(c);
                i++;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String goQuote(String s) {
        return io.kubelauncher.gotemplate.format.GoStrconv.quote(s);
    }
}
