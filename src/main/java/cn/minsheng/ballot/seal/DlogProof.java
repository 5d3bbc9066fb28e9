package cn.minsheng.ballot.seal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A non-interactive proof of knowledge of x with images[i] = x·bases[i] for every i: with one base a
 * Schnorr proof, with two a Chaum–Pedersen proof of equal discrete logarithms. The challenge is
 * c = H(statement ‖ u·bases[0] ‖ … ), where the statement (supplied by the caller, starting with
 * its own domain tag) names every public input; the response is v = u + c·x mod N.
 */
public record DlogProof(BigInteger c, BigInteger v) {

    public static DlogProof prove(List<ECPoint> bases, BigInteger x, Supplier<Enc> statement, SecureRandom random) {
        BigInteger u = Group.randomScalar(random);
        Enc e = statement.get();
        for (ECPoint b : bases) {
            e.point(Group.mul(b, u));
        }
        BigInteger c = e.challenge();
        return new DlogProof(c, u.add(c.multiply(x)).mod(Group.N));
    }

    public boolean verifies(List<ECPoint> bases, List<ECPoint> images, Supplier<Enc> statement) {
        Enc e = statement.get();
        for (int i = 0; i < bases.size(); i++) {
            e.point(Group.mulAdd(bases.get(i), v, images.get(i), c.negate()));
        }
        return e.challenge().equals(c);
    }
}
