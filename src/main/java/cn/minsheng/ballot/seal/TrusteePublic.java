package cn.minsheng.ballot.seal;

import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * What trustee i publishes in the ceremony: its communication key X_i (shares to it are encrypted
 * to it) with a Schnorr proof, and the Feldman commitments C_{i,m} = a_{i,m}·G to the coefficients
 * of its secret polynomial, each with a Schnorr proof of knowledge (no trustee can choose its
 * commitment as a function of the others'). Statements:
 * <pre>
 * ("minsheng-seal/v1/comms-key",  "P-256", ceremonyId, k, n, i, X_i)
 * ("minsheng-seal/v1/coefficient", "P-256", ceremonyId, k, n, i, m, C_{i,m})
 * </pre>
 */
public record TrusteePublic(int index, ECPoint commsKey, DlogProof commsProof, List<ECPoint> commitments, List<DlogProof> coefficientProofs) {

    public TrusteePublic {
        commitments = List.copyOf(commitments);
        coefficientProofs = List.copyOf(coefficientProofs);
    }

    static Enc commsStatement(Ceremony c, int index, ECPoint key) {
        return c.statement("minsheng-seal/v1/comms-key").u32(index).point(key);
    }

    static Enc coefficientStatement(Ceremony c, int index, int m, ECPoint commitment) {
        return c.statement("minsheng-seal/v1/coefficient").u32(index).u32(m).point(commitment);
    }

    /** Whether a communication key and its proof check on their own (before the trustee's commitments are known). */
    public static boolean commsKeyChecks(Ceremony c, int index, ECPoint key, DlogProof proof) {
        return !key.isInfinity() && proof.verifies(List.of(Group.G), List.of(key), () -> commsStatement(c, index, key));
    }

    public void verify(Ceremony c) {
        if (commitments.size() != c.k() || coefficientProofs.size() != c.k()) {
            throw new SealException("trustee " + index + " must publish " + c.k() + " commitments");
        }
        if (commsKey.isInfinity() || !commsProof.verifies(List.of(Group.G), List.of(commsKey), () -> commsStatement(c, index, commsKey))) {
            throw new SealException("trustee " + index + ": the communication key's proof does not check");
        }
        for (int m = 0; m < c.k(); m++) {
            ECPoint cm = commitments.get(m);
            int mm = m;
            if (cm.isInfinity() || !coefficientProofs.get(m).verifies(List.of(Group.G), List.of(cm), () -> coefficientStatement(c, index, mm, cm))) {
                throw new SealException("trustee " + index + ": the proof of commitment " + m + " does not check");
            }
        }
    }

    /** P_i(l)·G = Σ_m l^m·C_{i,m}: what the share sent to trustee l must match */
    public ECPoint valueAt(int l) {
        ECPoint sum = Group.INFINITY;
        BigInteger power = BigInteger.ONE;
        for (ECPoint cm : commitments) {
            sum = Group.add(sum, Group.mul(cm, power));
            power = power.multiply(BigInteger.valueOf(l)).mod(Group.N);
        }
        return sum;
    }
}
