package io.kubelauncher.gotemplate.helm;

import java.util.Comparator;
import java.util.List;

/**
 * yaml.v2's key order for string keys: letters compare by code point, non-letters sort before
 * letters, and runs of digits compare as numbers ({@code a2} before {@code a10}).
 */
final class YamlKeyOrder {

    private YamlKeyOrder() {
    }

    static boolean less(String a, String b) {
        int[] ar = a.codePoints().toArray();
        int[] br = b.codePoints().toArray();
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                continue;
            }
            boolean al = Character.isLetter(ar[i]);
            boolean bl = Character.isLetter(br[i]);
            if (al && bl) {
                return ar[i] < br[i];
            }
            if (al || bl) {
                return bl;
            }
            long an = 0;
            long bn = 0;
            if (ar[i] == '0' || br[i] == '0') {
                for (int j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < ar.length && isDigit(ar[ai]); ai++) {
                an = an * 10 + (ar[ai] - '0');
            }
            int bi = i;
            for (; bi < br.length && isDigit(br[bi]); bi++) {
                bn = bn * 10 + (br[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return ar[i] < br[i];
        }
        return ar.length < br.length;
    }

    private static boolean isDigit(int c) {
        return Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
    }

    /** Sorts like Go's sort.Sort does for small inputs (insertion sort), robust to an inconsistent order. */
    static <T> void sort(List<T> items, java.util.function.Function<T, String> key) {
        Comparator<T> cmp = (x, y) -> less(key.apply(x), key.apply(y)) ? -1 : less(key.apply(y), key.apply(x)) ? 1 : 0;
        if (items.size() > 12) {
            try {
                items.sort(cmp);
                return;
            } catch (IllegalArgumentException inconsistent) {
                // fall through to insertion sort
            }
        }
        for (int i = 1; i < items.size(); i++) {
            for (int j = i; j > 0 && less(key.apply(items.get(j)), key.apply(items.get(j - 1))); j--) {
                T t = items.get(j);
                items.set(j, items.get(j - 1));
                items.set(j - 1, t);
            }
        }
    }
}
