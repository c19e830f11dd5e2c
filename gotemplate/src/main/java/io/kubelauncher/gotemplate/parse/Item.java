package io.kubelauncher.gotemplate.parse;

import io.kubelauncher.gotemplate.format.GoStrconv;

/**
 * A token: its kind, its start offset (in chars of the template text), its text and the line it starts on.
 */
record Item(ItemType type, int pos, String val, int line) {

    /** Go's spelling of the item in parse errors. */
    @Override
    public String toString() {
        if (type == ItemType.EOF) {
            return "EOF";
        }
        if (type == ItemType.ERROR) {
            return val;
        }
        if (type.isKeyword()) {
            return "<" + val + ">";
        }
        if (val.codePointCount(0, val.length()) > 10) {
            return GoStrconv.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
        }
        return GoStrconv.quote(val);
    }
}
