package cn.minsheng.ballot.seal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The canonical encoding: a sequence of fields, each a 4-byte big-endian length followed by that
 * many bytes. Strings are UTF-8, integers 4 bytes big-endian, points and scalars as in
 * {@link Group}. Every hash of this package is taken over such a sequence whose first field is a
 * domain-separation tag.
 */
public final class Enc {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static Enc tag(String tag) {
        return new Enc().str(tag);
    }

    public Enc bytes(byte[] b) {
        out.write(b.length >>> 24);
        out.write(b.length >>> 16);
        out.write(b.length >>> 8);
        out.write(b.length);
        out.writeBytes(b);
        return this;
    }

    public Enc str(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public Enc u32(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative integer");
        }
        return bytes(new byte[] { (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v });
    }

    public Enc point(ECPoint p) {
        return bytes(Group.encodePoint(p));
    }

    public Enc scalar(BigInteger k) {
        return bytes(Group.encodeScalar(k));
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    /** SHA-256 of the encoding */
    public byte[] sha256() {
        return digest("SHA-256");
    }

    /** the Fiat–Shamir challenge: SHA-512 of the encoding, as an unsigned big-endian integer, reduced mod N */
    public BigInteger challenge() {
        return new BigInteger(1, digest("SHA-512")).mod(Group.N);
    }

    private byte[] digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(out.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a sequence of fields back, refusing anything short, long or out of range. */
    public static final class Reader {
        private final byte[] data;
        private int pos;

        public Reader(byte[] data) {
            this.data = data;
        }

        public byte[] bytes() {
            if (data.length - pos < 4) {
                throw new SealException("encoding cut short");
            }
            long len = ((data[pos] & 0xffL) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
            pos += 4;
            if (len > data.length - pos) {
                throw new SealException("encoding cut short");
            }
            byte[] b = new byte[(int) len];
            System.arraycopy(data, pos, b, 0, b.length);
            pos += b.length;
            return b;
        }

        /** passes over one field without reading it */
        public void skip() {
            bytes();
        }

        public String str() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        public void expect(String s) {
            if (!str().equals(s)) {
                throw new SealException("expected \"" + s + "\"");
            }
        }

        public int u32() {
            byte[] b = bytes();
            if (b.length != 4 || (b[0] & 0x80) != 0) {
                throw new SealException("an integer must be 4 bytes, below 2^31");
            }
            return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        }

        public ECPoint point() {
            return Group.decodePoint(bytes());
        }

        public BigInteger scalar() {
            return Group.decodeScalar(bytes());
        }

        public void end() {
            if (pos != data.length) {
                throw new SealException("trailing bytes after the encoding");
            }
        }
    }
}
