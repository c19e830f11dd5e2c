package io.kubelauncher.kubernetes.translate;

import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Kubernetes quantities in the words a data scientist reads: "64 GiB", "512 MB", "2 CPUs". */
final class Amounts {

    private static final Map<String, String> MEMORY_UNITS = Map.ofEntries(
            Map.entry("Ki", "KiB"), Map.entry("Mi", "MiB"), Map.entry("Gi", "GiB"), Map.entry("Ti", "TiB"),
            Map.entry("k", "kB"), Map.entry("K", "kB"), Map.entry("M", "MB"), Map.entry("G", "GB"), Map.entry("T", "TB"));

    private Amounts() {
    }

    /** Memory as it was asked ("64Gi" → "64 GiB", "4096M" → "4096 MB"); plain bytes become MB. */
    static String memory(Quantity quantity) {
        String unit = MEMORY_UNITS.get(quantity.getFormat());
        if (unit != null) {
            return quantity.getAmount() + " " + unit;
        }
        try {
            BigDecimal mb = Quantity.getAmountInBytes(quantity).divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.HALF_UP);
            return mb.toPlainString() + " MB";
        } catch (ArithmeticException e) {
            return quantity.toString();
        }
    }

    /** CPUs as a count ("500m" → "0.5 CPU", "2" → "2 CPUs"). */
    static String cpus(Quantity quantity) {
        try {
            BigDecimal n = quantity.getNumericalAmount().stripTrailingZeros();
            return n.toPlainString() + (n.compareTo(BigDecimal.ONE) == 0 || n.compareTo(BigDecimal.ONE) < 0 ? " CPU" : " CPUs");
        } catch (ArithmeticException e) {
            return quantity + " CPU";
        }
    }
}
