package cn.minsheng.ballot.seal;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.WNafUtil;

/**
 * The group: NIST P-256 (secp256r1, cofactor 1) from BouncyCastle. Points are encoded compressed
 * (SEC1, 33 bytes), the point at infinity as the single byte 0x00; scalars as 32 bytes big-endian,
 * below the group order.
 */
public final class Group {

    public static final String ID = "P-256";
    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256r1");
    public static final ECCurve CURVE = PARAMS.getCurve();
    public static final ECPoint G = PARAMS.getG().normalize();
    public static final BigInteger N = PARAMS.getN();
    public static final ECPoint INFINITY = CURVE.getInfinity();
    private static final FixedPointCombMultiplier BASE = new FixedPointCombMultiplier();

    static {
        fixedBase(G);
    }

    private Group() {
    }

    /**
     * Marks a point that many multiplications share (the generator, a ballot's joint key): it gets a wider
     * precomputed table (w-NAF of width 8 instead of 5), made once and kept on the point. Measured alone, an
     * a·P + b·Q with the joint key and a fresh point took 141 µs instead of 160; a whole ballot's check
     * (seal/SealBenchmark.verify) 12.6 ms instead of 12.9, within noise.
     */
    public static ECPoint fixedBase(ECPoint p) {
        WNafUtil.configureBasepoint(p);
        return p;
    }

    /** j·G for the small j a mark or a count can take (0 ≤ j < 256), made once: the proofs subtract them from β */
    private static final ECPoint[] SMALL = small();

    private static ECPoint[] small() {
        ECPoint[] table = new ECPoint[256];
        table[0] = CURVE.getInfinity();
        for (int j = 1; j < table.length; j++) {
            table[j] = table[j - 1].add(G);
        }
        CURVE.normalizeAll(table);
        return table;
    }

    /** j·G, from the table when j is small */
    public static ECPoint base(int j) {
        return j >= 0 && j < SMALL.length ? SMALL[j] : base(BigInteger.valueOf(j));
    }

    /** k·G */
    public static ECPoint base(BigInteger k) {
        BigInteger r = k.mod(N);
        return r.signum() == 0 ? INFINITY : BASE.multiply(G, r).normalize();
    }

    /** k·P */
    public static ECPoint mul(ECPoint p, BigInteger k) {
        BigInteger r = k.mod(N);
        return r.signum() == 0 || p.isInfinity() ? INFINITY : p.multiply(r).normalize();
    }

    /** a·P + b·Q in one pass (Shamir's trick; public scalars only: verification) */
    public static ECPoint mulAdd(ECPoint p, BigInteger a, ECPoint q, BigInteger b) {
        BigInteger x = a.mod(N);
        BigInteger y = b.mod(N);
        if (p.isInfinity() || q.isInfinity() || x.signum() == 0 || y.signum() == 0) {
            return add(mul(p, x), mul(q, y));
        }
        return ECAlgorithms.sumOfTwoMultiplies(p, x, q, y).normalize();
    }

    public static ECPoint add(ECPoint a, ECPoint b) {
        return a.add(b).normalize();
    }

    public static ECPoint sub(ECPoint a, ECPoint b) {
        return a.subtract(b).normalize();
    }

    /** a uniform scalar in [1, N-1]: 32 random bytes, drawn again while zero or not below N */
    public static BigInteger randomScalar(SecureRandom random) {
        byte[] bytes = new byte[32];
        while (true) {
            random.nextBytes(bytes);
            BigInteger k = new BigInteger(1, bytes);
            if (k.signum() > 0 && k.compareTo(N) < 0) {
                return k;
            }
        }
    }

    public static byte[] encodePoint(ECPoint p) {
        return p.isInfinity() ? new byte[] { 0 } : p.getEncoded(true);
    }

    /** Only the two encodings above are accepted; the point is checked to lie on the curve. */
    public static ECPoint decodePoint(byte[] bytes) {
        if (bytes.length == 1 && bytes[0] == 0) {
            return INFINITY;
        }
        if (bytes.length != 33 || (bytes[0] != 2 && bytes[0] != 3)) {
            throw new SealException("a point must be 33 bytes, compressed");
        }
        try {
            ECPoint p = CURVE.decodePoint(bytes).normalize();
            if (!p.isValid()) {
                throw new SealException("not a point of the curve");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new SealException("not a point of the curve");
        }
    }

    public static byte[] encodeScalar(BigInteger k) {
        if (k.signum() < 0 || k.compareTo(N) >= 0) {
            throw new IllegalArgumentException("scalar out of range");
        }
        byte[] raw = k.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    public static BigInteger decodeScalar(byte[] bytes) {
        if (bytes.length != 32) {
            throw new SealException("a scalar must be 32 bytes");
        }
        BigInteger k = new BigInteger(1, bytes);
        if (k.compareTo(N) >= 0) {
            throw new SealException("scalar not below the group order");
        }
        return k;
    }
}
