package cn.minsheng.ballot.seal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * One scrutineer's device during the key ceremony: its communication key and its secret
 * polynomial P_i(x) = a_{i,0} + a_{i,1}·x + … + a_{i,k−1}·x^{k−1}. It publishes its record, seals
 * P_i(l) to every other trustee l, checks what it receives against the sender's commitments
 * (complaining publicly about a bad one), and ends with its share s_i = Σ_j P_j(i).
 */
public final class Trustee {

    private final Ceremony params;
    private final int index;
    private final BigInteger commsSecret;
    private final List<BigInteger> coefficients;

    private Trustee(Ceremony params, int index, BigInteger commsSecret, List<BigInteger> coefficients) {
        this.params = params;
        this.index = index;
        this.commsSecret = commsSecret;
        this.coefficients = coefficients;
    }

    /** params: the ceremony's id, k and n (its trustee list may be empty at this point) */
    public static Trustee create(Ceremony params, int index, SecureRandom random) {
        if (index < 1 || index > params.n()) {
            throw new IllegalArgumentException("no trustee " + index);
        }
        BigInteger comms = Group.randomScalar(random);
        List<BigInteger> a = new ArrayList<>();
        for (int m = 0; m < params.k(); m++) {
            a.add(Group.randomScalar(random));
        }
        return new Trustee(params, index, comms, a);
    }

    public int index() {
        return index;
    }

    public TrusteePublic publish(SecureRandom random) {
        ECPoint x = Group.base(commsSecret);
        DlogProof xp = DlogProof.prove(List.of(Group.G), commsSecret, () -> TrusteePublic.commsStatement(params, index, x), random);
        List<ECPoint> cs = new ArrayList<>();
        List<DlogProof> ps = new ArrayList<>();
        for (int m = 0; m < coefficients.size(); m++) {
            ECPoint cm = Group.base(coefficients.get(m));
            int mm = m;
            cs.add(cm);
            ps.add(DlogProof.prove(List.of(Group.G), coefficients.get(m), () -> TrusteePublic.coefficientStatement(params, index, mm, cm), random));
        }
        return new TrusteePublic(index, x, xp, cs, ps);
    }

    /** P_i(l) mod N */
    BigInteger valueAt(int l) {
        BigInteger sum = BigInteger.ZERO;
        BigInteger power = BigInteger.ONE;
        for (BigInteger a : coefficients) {
            sum = sum.add(a.multiply(power));
            power = power.multiply(BigInteger.valueOf(l)).mod(Group.N);
        }
        return sum.mod(Group.N);
    }

    /** the share for trustee l, sealed to l's communication key as published in ceremony */
    public EncryptedShare shareFor(Ceremony ceremony, int l, SecureRandom random) {
        return sealShare(ceremony, l, valueAt(l), random);
    }

    /** seals any value as if it were the share for l (honest devices only seal valueAt(l); tests seal others) */
    EncryptedShare sealShare(Ceremony ceremony, int l, BigInteger value, SecureRandom random) {
        ECPoint xl = ceremony.trustee(l).commsKey();
        BigInteger e = Group.randomScalar(random);
        ECPoint ephemeral = Group.base(e);
        byte[] box = ShareBox.seal(ShareBox.info(ceremony, index, l, xl), Group.mul(xl, e), ephemeral, value);
        return new EncryptedShare(index, l, ephemeral, box);
    }

    /** The share inside a box sent to this trustee, or null when it does not open or does not match the sender's commitments. */
    public BigInteger open(Ceremony ceremony, EncryptedShare s) {
        if (s.recipient() != index) {
            throw new SealException("this share is for trustee " + s.recipient());
        }
        if (s.ephemeral().isInfinity()) {
            return null;
        }
        ECPoint xl = ceremony.trustee(index).commsKey();
        byte[] plain = ShareBox.open(ShareBox.info(ceremony, s.sender(), index, xl), Group.mul(s.ephemeral(), commsSecret), s.ephemeral(), s.box());
        if (plain == null || plain.length != 32) {
            return null;
        }
        BigInteger v = new BigInteger(1, plain);
        return v.compareTo(Group.N) < 0 && Group.base(v).equals(ceremony.trustee(s.sender()).valueAt(index)) ? v : null;
    }

    /** the public complaint about a share that {@link #open} refused */
    public Complaint complain(Ceremony ceremony, EncryptedShare s, SecureRandom random) {
        ECPoint xl = ceremony.trustee(index).commsKey();
        ECPoint z = Group.mul(s.ephemeral(), commsSecret);
        DlogProof p = DlogProof.prove(List.of(Group.G, s.ephemeral()), commsSecret, () -> Complaint.statement(ceremony, s, xl, z), random);
        return new Complaint(s.sender(), index, z, p);
    }

    /**
     * This trustee's key once every other trustee's share has been received: s_i = P_i(i) + Σ P_j(i).
     * Throws, naming the sender, if any share fails to open or to match.
     */
    public TrusteeKey finish(Ceremony ceremony, List<EncryptedShare> received) {
        ceremony.verified();
        TrusteePublic mine = ceremony.trustee(index);
        if (!mine.commsKey().equals(Group.base(commsSecret)) || !mine.commitments().get(0).equals(Group.base(coefficients.get(0)))) {
            throw new SealException("the ceremony does not carry this trustee's record");
        }
        BigInteger s = valueAt(index);
        boolean[] seen = new boolean[params.n() + 1];
        for (EncryptedShare e : received) {
            if (e.sender() == index || seen[e.sender()]) {
                throw new SealException("share from trustee " + e.sender() + " received twice");
            }
            seen[e.sender()] = true;
            BigInteger v = open(ceremony, e);
            if (v == null) {
                throw new SealException("bad share from trustee " + e.sender());
            }
            s = s.add(v);
        }
        if (received.size() != params.n() - 1) {
            throw new SealException("shares from " + received.size() + " of " + (params.n() - 1) + " other trustees");
        }
        TrusteeKey key = new TrusteeKey(params.ceremonyId(), params.k(), params.n(), index, s.mod(Group.N), commsSecret);
        if (!Group.base(key.share()).equals(ceremony.publicShare(index))) {
            throw new SealException("the share does not match the ceremony's commitments");
        }
        return key;
    }
}
