package io.kubelauncher.gotemplate.sprig;

import static io.kubelauncher.gotemplate.sprig.Registry.sig;
import static io.kubelauncher.gotemplate.sprig.Registry.variadic;
import static io.kubelauncher.gotemplate.sprig.Types.ANY;
import static io.kubelauncher.gotemplate.sprig.Types.FLOAT64;
import static io.kubelauncher.gotemplate.sprig.Types.INT;
import static io.kubelauncher.gotemplate.sprig.Types.INT64;
import static io.kubelauncher.gotemplate.sprig.Types.INTS;
import static io.kubelauncher.gotemplate.sprig.Types.STRING;
import static io.kubelauncher.gotemplate.sprig.Types.STRINGS;

import io.kubelauncher.gotemplate.format.GoFmt;
import io.kubelauncher.gotemplate.function.TypedList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/** Sprig's integer math (int64 truncation via cast), float math (shopspring/decimal), conversions and ranges. */
final class NumericFunctions {

    private NumericFunctions() {
    }

    static void register(Registry r) {
        r.add("atoi", sig(INT, STRING), a -> {
            try {
                return Cast.goInt(GoNumbers.atoi((String) a[0]));
            } catch (NumberFormatException e) {
                return 0;
            }
        });
        r.add("int64", sig(INT64, ANY), a -> Cast.toInt64(a[0]));
        r.add("int", sig(INT, ANY), a -> Cast.goInt(Cast.toInt64(a[0])));
        r.add("float64", sig(FLOAT64, ANY), a -> Cast.toFloat64(a[0]));
        r.add("seq", variadic(STRING, INT), NumericFunctions::seq);
        r.add("toDecimal", sig(INT64, ANY), a -> {
            try {
                return GoNumbers.parseInt(GoFmt.sprint(a[0]), 8);
            } catch (NumberFormatException e) {
                return 0L;
            }
        });
        r.add("until", sig(INTS, INT), a -> {
            int count = (Integer) a[0];
            return untilStep(0, count, count < 0 ? -1 : 1);
        });
        r.add("untilStep", sig(INTS, INT, INT, INT), a -> untilStep((Integer) a[0], (Integer) a[1], (Integer) a[2]));
        r.add("add1", sig(INT64, ANY), a -> Cast.toInt64(a[0]) + 1);
        r.add("add", variadic(INT64, ANY), a -> {
            long sum = 0;
            for (Object x : a) {
                sum += Cast.toInt64(x);
            }
            return sum;
        });
        r.add("sub", sig(INT64, ANY, ANY), a -> Cast.toInt64(a[0]) - Cast.toInt64(a[1]));
        r.add("div", sig(INT64, ANY, ANY), a -> {
            long d = Cast.toInt64(a[1]);
            if (d == 0) {
                throw new GoPanic("runtime error: integer divide by zero");
            }
            return Cast.toInt64(a[0]) / d;
        });
        r.add("mod", sig(INT64, ANY, ANY), a -> {
            long d = Cast.toInt64(a[1]);
            if (d == 0) {
                throw new GoPanic("runtime error: integer divide by zero");
            }
            return Cast.toInt64(a[0]) % d;
        });
        r.add("mul", variadic(INT64, ANY, ANY), a -> {
            long v = Cast.toInt64(a[0]);
            for (int i = 1; i < a.length; i++) {
                v *= Cast.toInt64(a[i]);
            }
            return v;
        });
        r.add("biggest", variadic(INT64, ANY, ANY), a -> {
            long v = Cast.toInt64(a[0]);
            for (int i = 1; i < a.length; i++) {
                v = Math.max(v, Cast.toInt64(a[i]));
            }
            return v;
        });
        r.alias("max", "biggest");
        r.add("min", variadic(INT64, ANY, ANY), a -> {
            long v = Cast.toInt64(a[0]);
            for (int i = 1; i < a.length; i++) {
                v = Math.min(v, Cast.toInt64(a[i]));
            }
            return v;
        });
        r.add("maxf", variadic(FLOAT64, ANY, ANY), a -> {
            double v = Cast.toFloat64(a[0]);
            for (int i = 1; i < a.length; i++) {
                v = Math.max(v, Cast.toFloat64(a[i]));
            }
            return v;
        });
        r.add("minf", variadic(FLOAT64, ANY, ANY), a -> {
            double v = Cast.toFloat64(a[0]);
            for (int i = 1; i < a.length; i++) {
                v = Math.min(v, Cast.toFloat64(a[i]));
            }
            return v;
        });
        r.add("ceil", sig(FLOAT64, ANY), a -> Math.ceil(Cast.toFloat64(a[0])));
        r.add("floor", sig(FLOAT64, ANY), a -> Math.floor(Cast.toFloat64(a[0])));
        r.add("round", variadic(FLOAT64, FLOAT64, ANY, INT), a -> {
            double roundOn = a.length > 2 ? (Double) a[2] : .5;
            return round(Cast.toFloat64(a[0]), (Integer) a[1], roundOn);
        });
        r.add("add1f", sig(FLOAT64, ANY), a -> decimalOp(a[0], new Object[] {1}, 0, BigDecimal::add));
        r.add("addf", variadic(FLOAT64, ANY), a -> decimalOp(0.0, a, 0, BigDecimal::add));
        r.add("subf", variadic(FLOAT64, ANY, ANY), a -> decimalOp(a[0], a, 1, BigDecimal::subtract));
        r.add("divf", variadic(FLOAT64, ANY, ANY), a -> decimalOp(a[0], a, 1, NumericFunctions::decimalDivide));
        r.add("mulf", variadic(FLOAT64, ANY, ANY), a -> decimalOp(a[0], a, 1, BigDecimal::multiply));
    }

    static TypedList<Integer> untilStep(int start, int stop, int step) {
        List<Integer> v = new ArrayList<>();
        if (stop < start) {
            if (step >= 0) {
                return TypedList.of(INTS, v);
            }
            for (long i = start; i > stop; i += step) {
                v.add((int) i);
            }
            return TypedList.of(INTS, v);
        }
        if (step <= 0) {
            return TypedList.of(INTS, v);
        }
        for (long i = start; i < stop; i += step) {
            v.add((int) i);
        }
        return TypedList.of(INTS, v);
    }

    private static Object seq(Object[] a) {
        int increment = 1;
        switch (a.length) {
            case 0:
                return "";
            case 1: {
                int start = 1;
                int end = (Integer) a[0];
                if (end < start) {
                    increment = -1;
                }
                return join(untilStep(start, end + increment, increment));
            }
            case 2: {
                int start = (Integer) a[0];
                int end = (Integer) a[1];
                int step = end < start ? -1 : 1;
                return join(untilStep(start, end + step, step));
            }
            case 3: {
                int start = (Integer) a[0];
                int end = (Integer) a[2];
                int step = (Integer) a[1];
                if (end < start) {
                    increment = -1;
                    if (step > 0) {
                        return "";
                    }
                }
                return join(untilStep(start, end + increment, step));
            }
            default:
                return "";
        }
    }

    private static String join(List<Integer> values) {
        StringBuilder out = new StringBuilder();
        for (Integer v : values) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(v);
        }
        return out.toString();
    }

    /** Sprig's round: away from zero once the fractional part reaches roundOn (computed in float64). */
    static double round(double val, int places, double roundOn) {
        double pow = Math.pow(10, places);
        double digit = pow * val;
        double frac = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
        double rounded = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
        return rounded / pow;
    }

    /**
     * shopspring/decimal arithmetic: each operand converted with NewFromFloat (its shortest decimal
     * form), exact add/sub/mul, division to 16 places, then Float64() of the decimal.
     */
    private static double decimalOp(Object first, Object[] rest, int from, BinaryOperator<BigDecimal> op) {
        BigDecimal acc = fromFloat(Cast.toFloat64(first));
        for (int i = from; i < rest.length; i++) {
            acc = op.apply(acc, fromFloat(Cast.toFloat64(rest[i])));
        }
        return acc.doubleValue();
    }

    private static BigDecimal fromFloat(double f) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new GoPanic("Cannot create a Decimal from " + io.kubelauncher.gotemplate.format.GoStrconv.formatFloat(f));
        }
        return new BigDecimal(io.kubelauncher.gotemplate.format.GoStrconv.formatFloat(f, 'e', -1));
    }

    /** decimal.Div: DivRound(d2, 16), rounding half away from zero. */
    private static BigDecimal decimalDivide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw new GoPanic("decimal division by 0");
        }
        return a.divide(b, 16, RoundingMode.HALF_UP);
    }

}
