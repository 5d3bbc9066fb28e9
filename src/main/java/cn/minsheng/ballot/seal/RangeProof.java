package cn.minsheng.ballot.seal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A disjunctive Chaum–Pedersen proof (as in ElectionGuard 2.0) that a ciphertext (alpha, beta)
 * under K encrypts some j in [lo, hi]: for each j a pair (c_j, v_j), from which the verifier
 * recomputes a_j = v_j·G − c_j·alpha and b_j = v_j·K − c_j·(beta − j·G), and checks that the c_j
 * add up to the challenge
 * <pre>
 * c = H( "minsheng-seal/v1/range", contextHash, castId, kind, item, choice, lo, hi, alpha, beta,
 *        a_lo, b_lo, …, a_hi, b_hi )   (SHA-512 over the fields, mod N)
 * </pre>
 * The prover draws, for j = lo … hi in order, u for its true j, or c_j then v_j for every other j.
 */
public record RangeProof(int lo, int hi, List<BigInteger> c, List<BigInteger> v) {

    public static final String TAG = "minsheng-seal/v1/range";

    /** What the proof is about: bound into its challenge. kind is "mark", "item" or "for-sum". */
    public record Statement(byte[] contextHash, ECPoint jointKey, String castId, String kind, String item, String choice) {
    }

    public RangeProof {
        c = List.copyOf(c);
        v = List.copyOf(v);
        if (lo < 0 || hi < lo || c.size() != hi - lo + 1 || v.size() != c.size()) {
            throw new SealException("range proof of the wrong shape");
        }
    }

    /** A proof that ct = encrypt(value, r); value must lie in [lo, hi] (an untrue claim gives a proof that fails). */
    public static RangeProof prove(Statement s, Ciphertext ct, BigInteger r, int value, int lo, int hi, SecureRandom random) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException("value outside the range");
        }
        int size = hi - lo + 1;
        BigInteger[] cs = new BigInteger[size];
        BigInteger[] vs = new BigInteger[size];
        ECPoint[] as = new ECPoint[size];
        ECPoint[] bs = new ECPoint[size];
        BigInteger u = null;
        for (int i = 0; i < size; i++) {
            int j = lo + i;
            if (j == value) {
                u = Group.randomScalar(random);
                as[i] = Group.base(u);
                bs[i] = Group.mul(s.jointKey(), u);
            } else {
                cs[i] = Group.randomScalar(random);
                vs[i] = Group.randomScalar(random);
                as[i] = commitA(ct, cs[i], vs[i]);
                bs[i] = commitB(s.jointKey(), ct, j, cs[i], vs[i]);
            }
        }
        BigInteger c = challenge(s, ct, lo, hi, as, bs);
        int real = value - lo;
        BigInteger cReal = c;
        for (int i = 0; i < size; i++) {
            if (i != real) {
                cReal = cReal.subtract(cs[i]);
            }
        }
        cs[real] = cReal.mod(Group.N);
        vs[real] = u.add(cs[real].multiply(r)).mod(Group.N);
        return new RangeProof(lo, hi, List.of(cs), List.of(vs));
    }

    public boolean verifies(Statement s, Ciphertext ct) {
        int size = hi - lo + 1;
        ECPoint[] as = new ECPoint[size];
        ECPoint[] bs = new ECPoint[size];
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < size; i++) {
            as[i] = commitA(ct, c.get(i), v.get(i));
            bs[i] = commitB(s.jointKey(), ct, lo + i, c.get(i), v.get(i));
            sum = sum.add(c.get(i));
        }
        return sum.mod(Group.N).equals(challenge(s, ct, lo, hi, as, bs));
    }

    private static ECPoint commitA(Ciphertext ct, BigInteger c, BigInteger v) {
        return Group.mulAdd(Group.G, v, ct.alpha(), c.negate());
    }

    private static ECPoint commitB(ECPoint k, Ciphertext ct, int j, BigInteger c, BigInteger v) {
        return Group.mulAdd(k, v, Group.sub(ct.beta(), Group.base(j)), c.negate());
    }

    private static BigInteger challenge(Statement s, Ciphertext ct, int lo, int hi, ECPoint[] as, ECPoint[] bs) {
        Enc e = Enc.tag(TAG).bytes(s.contextHash()).str(s.castId()).str(s.kind()).str(s.item()).str(s.choice()).u32(lo).u32(hi)
                .point(ct.alpha()).point(ct.beta());
        for (int i = 0; i < as.length; i++) {
            e.point(as[i]).point(bs[i]);
        }
        return e.challenge();
    }

    /** u32 lo, u32 hi, then c_j and v_j for each j */
    public Enc writeTo(Enc e) {
        e.u32(lo).u32(hi);
        for (int i = 0; i < c.size(); i++) {
            e.scalar(c.get(i)).scalar(v.get(i));
        }
        return e;
    }

    public static RangeProof read(Enc.Reader r, int lo, int hi) {
        if (r.u32() != lo || r.u32() != hi) {
            throw new SealException("range proof for the wrong range");
        }
        List<BigInteger> cs = new ArrayList<>();
        List<BigInteger> vs = new ArrayList<>();
        for (int j = lo; j <= hi; j++) {
            cs.add(r.scalar());
            vs.add(r.scalar());
        }
        return new RangeProof(lo, hi, cs, vs);
    }
}
