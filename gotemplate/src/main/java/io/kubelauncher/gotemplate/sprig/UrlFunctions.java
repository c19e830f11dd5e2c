package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Types.MAP;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sprig's urlParse and urlJoin. */
final class UrlFunctions {

    private UrlFunctions() {
    }

    static void register(Registry r) {
        r.add("urlParse", sig(MAP, STRING), a -> {
            GoUrl u;
            try {
                u = GoUrl.parse((String) a[0]);
            } catch (GoUrl.UrlException e) {
                throw new GoPanic("unable to parse url: " + e.getMessage());
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("scheme", u.scheme);
            d.put("host", u.host);
            d.put("hostname", u.hostname());
            d.put("path", u.path);
            d.put("query", u.rawQuery);
            d.put("opaque", u.opaque);
            d.put("fragment", u.fragment);
            d.put("userinfo", u.userinfo());
            return d;
        });
        r.add("urlJoin", sig(STRING, MAP), a -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) a[0];
            GoUrl u = new GoUrl();
            u.scheme = get(d, "scheme");
            u.host = get(d, "host");
            u.path = get(d, "path");
            u.rawQuery = get(d, "query");
            u.opaque = get(d, "opaque");
            u.fragment = get(d, "fragment");
            String userinfo = get(d, "userinfo");
            if (!userinfo.isEmpty()) {
                GoUrl temp;
                try {
                    temp = GoUrl.parse("proto://" + userinfo + "@host");
                } catch (GoUrl.UrlException e) {
                    throw new GoPanic("unable to parse userinfo in dict: " + e.getMessage());
                }
                u.hasUser = temp.hasUser;
                u.username = temp.username;
                u.password = temp.password;
                u.passwordSet = temp.passwordSet;
            }
            return u.toString();
        });
    }

    private static String get(Map<String, Object> d, String key) {
        if (d == null || !d.containsKey(key)) {
            return "";
        }
        Object v = d.get(key);
        if (!(v instanceof String s)) {
            if (v == null) {
                throw GoPanic.nilDereference();
            }
            throw new GoPanic("unable to parse " + key + " key, must be of type string, but " + GoReflect.kindOf(v) + " found");
        }
        return s;
    }
}
