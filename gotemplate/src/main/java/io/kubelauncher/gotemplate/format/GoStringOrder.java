package io.kubelauncher.gotemplate.format;

import java.util.Comparator;

/**
 * Go's string order: bytewise over UTF-8, which is code point order. Java's {@link String#compareTo}
 * compares UTF-16 units and disagrees for characters above U+FFFF against U+E000..U+FFFF.
 */
public final class GoStringOrder {

    /** Sorts strings as Go's {@code sort.Strings} and {@code fmt}'s map printing do. */
    public static final Comparator<String> COMPARATOR = GoStringOrder::compare;

    private GoStringOrder() {
    }

    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF: they sort after U+E000..U+FFFF.
                boolean xs = Character.isSurrogate(x);
                boolean ys = Character.isSurrogate(y);
                if (xs != ys && (x >= 0xE000 || y >= 0xE000)) {
                    return xs ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
