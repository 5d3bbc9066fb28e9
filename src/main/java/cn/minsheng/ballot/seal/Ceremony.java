package cn.minsheng.ballot.seal;

import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The public record of a key ceremony among n scrutineers (trustees 1 … n), k of whom are needed
 * to decrypt: every trustee's public record. The joint key is the sum of the trustees'
 * constant-term commitments; trustee l's public share is the sum over every trustee i of
 * Σ_m l^m·C_{i,m}.
 */
public record Ceremony(String ceremonyId, int k, int n, List<TrusteePublic> trustees) {

    public Ceremony {
        trustees = List.copyOf(trustees);
        if (ceremonyId == null || ceremonyId.isEmpty() || k < 1 || n < k) {
            throw new SealException("a ceremony needs an id and 1 <= k <= n");
        }
    }

    /** The trustees' records are complete (one for each of 1 … n, in order) and every proof in them checks. */
    public Ceremony verified() {
        if (trustees.size() != n) {
            throw new SealException("the ceremony has " + trustees.size() + " of " + n + " trustee records");
        }
        for (int i = 0; i < n; i++) {
            TrusteePublic t = trustees.get(i);
            if (t.index() != i + 1) {
                throw new SealException("trustee records out of order");
            }
            t.verify(this);
        }
        return this;
    }

    public TrusteePublic trustee(int index) {
        if (index < 1 || index > n) {
            throw new SealException("no trustee " + index);
        }
        return trustees.get(index - 1);
    }

    public ECPoint jointKey() {
        ECPoint k = Group.INFINITY;
        for (TrusteePublic t : trustees) {
            k = Group.add(k, t.commitments().get(0));
        }
        return k;
    }

    /** s_l·G for trustee l, from the commitments alone */
    public ECPoint publicShare(int l) {
        ECPoint sum = Group.INFINITY;
        for (TrusteePublic t : trustees) {
            sum = Group.add(sum, t.valueAt(l));
        }
        return sum;
    }

    Enc statement(String tag) {
        return Enc.tag(tag).str(Group.ID).str(ceremonyId).u32(k).u32(n);
    }

    /** Lagrange coefficient of trustee i at 0 among the trustees in set */
    public static BigInteger lagrange(int i, List<Integer> set) {
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (int j : set) {
            if (j != i) {
                num = num.multiply(BigInteger.valueOf(j)).mod(Group.N);
                den = den.multiply(BigInteger.valueOf(j - i)).mod(Group.N);
            }
        }
        return num.multiply(den.modInverse(Group.N)).mod(Group.N);
    }
}
