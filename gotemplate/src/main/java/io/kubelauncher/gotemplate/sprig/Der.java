package io.kubelauncher.gotemplate.sprig;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal ASN.1 DER writer and reader for keys and certificates. */
final class Der {

    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int UTF8_STRING = 0x0C;
    static final int PRINTABLE_STRING = 0x13;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int BOOLEAN = 0x01;

    private Der() {
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int n = len < 0x100 ? 1 : len < 0x10000 ? 2 : len < 0x1000000 ? 3 : 4;
            out.write(0x80 | n);
            for (int i = n - 1; i >= 0; i--) {
                out.write(len >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] seq(byte[]... parts) {
        return tlv(SEQUENCE, concat(parts));
    }

    static byte[] integer(BigInteger v) {
        return tlv(INTEGER, v.toByteArray());
    }

    static byte[] integer(long v) {
        return integer(BigInteger.valueOf(v));
    }

    static byte[] bool(boolean v) {
        return tlv(BOOLEAN, new byte[] {(byte) (v ? 0xFF : 0)});
    }

    static byte[] octets(byte[] v) {
        return tlv(OCTET_STRING, v);
    }

    static byte[] bits(byte[] v, int unusedBits) {
        byte[] c = new byte[v.length + 1];
        c[0] = (byte) unusedBits;
        System.arraycopy(v, 0, c, 1, v.length);
        return tlv(BIT_STRING, c);
    }

    static byte[] nul() {
        return new byte[] {NULL, 0};
    }

    static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long v = Long.parseLong(parts[i]);
            byte[] tmp = new byte[10];
            int n = 0;
            do {
                tmp[n++] = (byte) (v & 0x7F);
                v >>>= 7;
            } while (v != 0);
            for (int k = n - 1; k >= 0; k--) {
                out.write(tmp[k] | (k > 0 ? 0x80 : 0));
            }
        }
        return tlv(OID, out.toByteArray());
    }

    static byte[] string(int tag, String s) {
        return tlv(tag, s.getBytes(StandardCharsets.UTF_8));
    }

    /** [n] EXPLICIT. */
    static byte[] explicit(int n, byte[] content) {
        return tlv(0xA0 | n, content);
    }

    /** [n] IMPLICIT primitive. */
    static byte[] implicit(int n, byte[] content) {
        return tlv(0x80 | n, content);
    }

    /** One parsed element: its tag, content and the whole encoding. */
    record Element(int tag, byte[] content, byte[] encoded) {

        List<Element> children() {
            return parseAll(content);
        }

        BigInteger integer() {
            return new BigInteger(content);
        }
    }

    static Element parse(byte[] der) {
        Element e = read(der, 0);
        if (e.encoded().length != der.length) {
            throw new IllegalArgumentException("trailing data");
        }
        return e;
    }

    static List<Element> parseAll(byte[] der) {
        List<Element> out = new ArrayList<>();
        int pos = 0;
        while (pos < der.length) {
            Element e = read(der, pos);
            out.add(e);
            pos += e.encoded().length;
        }
        return out;
    }

    private static Element read(byte[] b, int pos) {
        if (pos + 2 > b.length) {
            throw new IllegalArgumentException("truncated");
        }
        int tag = b[pos] & 0xFF;
        int len = b[pos + 1] & 0xFF;
        int hdr = 2;
        if (len >= 0x80) {
            int n = len & 0x7F;
            if (n == 0 || n > 4 || pos + 2 + n > b.length) {
                throw new IllegalArgumentException("bad length");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (b[pos + 2 + i] & 0xFF);
            }
            hdr += n;
        }
        if (len < 0 || pos + hdr + len > b.length) {
            throw new IllegalArgumentException("truncated");
        }
        byte[] content = java.util.Arrays.copyOfRange(b, pos + hdr, pos + hdr + len);
        byte[] encoded = java.util.Arrays.copyOfRange(b, pos, pos + hdr + len);
        return new Element(tag, content, encoded);
    }
}
