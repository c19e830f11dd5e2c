package io.kubelauncher.kubernetes.policy;

import java.math.BigDecimal;

/** How policy numbers are written in messages and on the wire: {@code 2}, {@code 0.5}, never {@code 2.0}. */
final class Quantities {

    private Quantities() {
    }

    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
