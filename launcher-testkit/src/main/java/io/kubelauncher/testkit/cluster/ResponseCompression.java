package io.kubelauncher.testkit.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for large list answers, as kube-apiserver compresses them (APIResponseCompression, on by
 * default since 1.16): only when the client accepts gzip, only above 128 KiB, at the fastest level.
 * Watches, logs and small answers stay uncompressed, so that their bytes arrive as they are written.
 */
final class ResponseCompression {

    static final int THRESHOLD_BYTES = 128 * 1024;

    private ResponseCompression() {
    }

    /** Whether an {@code Accept-Encoding} header value admits gzip (a {@code q=0} refuses it). */
    static boolean accepts(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("gzip")) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (parameter.matches("q=0(\\.0*)?")) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static boolean worthIt(byte[] body) {
        return body.length > THRESHOLD_BYTES;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 8);
        try (GZIPOutputStream out = new FastGzipOutputStream(compressed)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(ByteArrayOutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
