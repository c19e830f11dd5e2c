package io.kubelauncher.benchmarks;

import java.util.List;

/** One group of figures, measured together because they share a setup (a cluster, a plugin process). */
interface Suite {

    /** The short name {@code bin/bench --only} selects it by. */
    String name();

    /** Measures; a failure inside is reported by the caller as figures that could not be measured. */
    List<Figure> run(BenchEnvironment env) throws Exception;

    /** The figures this suite promises, as {@link Figure#failed} rows for when it cannot run. */
    List<Figure> unmeasured(String reason);
}
