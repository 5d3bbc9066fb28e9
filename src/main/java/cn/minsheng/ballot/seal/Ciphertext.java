package cn.minsheng.ballot.seal;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;

/** Exponential ElGamal: (alpha, beta) = (r·G, m·G + r·K) under the joint key K. */
public record Ciphertext(ECPoint alpha, ECPoint beta) {

    public static final Ciphertext ZERO = new Ciphertext(Group.INFINITY, Group.INFINITY);

    public static Ciphertext encrypt(ECPoint jointKey, int mark, BigInteger r) {
        return new Ciphertext(Group.base(r), Group.add(Group.base(mark), Group.mul(jointKey, r)));
    }

    /** the homomorphic sum: encrypts the sum of the marks */
    public Ciphertext add(Ciphertext o) {
        return new Ciphertext(Group.add(alpha, o.alpha), Group.add(beta, o.beta));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ciphertext c && alpha.equals(c.alpha) && beta.equals(c.beta);
    }

    @Override
    public int hashCode() {
        return alpha.hashCode() * 31 + beta.hashCode();
    }
}
