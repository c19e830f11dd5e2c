package io.kubelauncher.gotemplate.sprig;

import io.kubelauncher.gotemplate.function.GoType;
import io.kubelauncher.gotemplate.function.GoType.Kind;

/** The Go types that appear in Sprig's signatures. */
final class Types {

    static final GoType ANY = GoType.ANY;
    static final GoType STRING = GoType.STRING;
    static final GoType INT = GoType.INT;
    static final GoType INT64 = GoType.INT64;
    static final GoType UINT32 = new GoType("uint32", Kind.INT64, null);
    static final GoType FLOAT64 = GoType.FLOAT64;
    static final GoType BOOL = GoType.BOOL;
    static final GoType LIST = GoType.LIST;
    static final GoType STRINGS = GoType.STRING_LIST;
    static final GoType INTS = new GoType("[]int", Kind.SLICE, null);
    static final GoType LISTS = new GoType("[][]interface {}", Kind.SLICE, null);
    static final GoType MAP = GoType.MAP;
    static final GoType STRING_MAP = new GoType("map[string]string", Kind.MAP, null);
    // static final GoType TIME = GoType.object("time.Time", GoTime.class);
    // static final GoType VERSION = GoType.object("*semver.Version", SemverVersion.class);
    // static final GoType CERTIFICATE = GoType.object("sprig.certificate", Certificate.class);

    private Types() {
    }
}
