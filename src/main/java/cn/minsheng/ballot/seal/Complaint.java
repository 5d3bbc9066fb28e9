package cn.minsheng.ballot.seal;

import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A public complaint by trustee l that the share trustee i sent it is bad. l reveals the
 * Diffie–Hellman value Z = x_l·E of that one box with a Chaum–Pedersen proof that
 * log_G X_l = log_E Z, statement
 * ("minsheng-seal/v1/complaint", "P-256", ceremonyId, k, n, i, l, E, X_l, Z); anyone can then open
 * the box and check the share against i's commitments. {@link #judge} names who is at fault:
 * the accused when the box does not open or the share does not match, else the complainer.
 */
public record Complaint(int accused, int complainer, ECPoint shared, DlogProof proof) {

    static Enc statement(Ceremony c, EncryptedShare s, ECPoint recipientKey, ECPoint shared) {
        return c.statement("minsheng-seal/v1/complaint").u32(s.sender()).u32(s.recipient()).point(s.ephemeral()).point(recipientKey).point(shared);
    }

    /** Who the ceremony's record shows at fault, and why. */
    public record Verdict(int atFault, String reason) {
    }

    public Verdict judge(Ceremony c, EncryptedShare share) {
        if (share.sender() != accused || share.recipient() != complainer) {
            throw new SealException("the complaint is not about this share");
        }
        ECPoint xl = c.trustee(complainer).commsKey();
        if (share.ephemeral().isInfinity()) {
            return new Verdict(accused, "trustee " + accused + "'s share for trustee " + complainer + " has no ephemeral key");
        }
        if (!proof.verifies(List.of(Group.G, share.ephemeral()), List.of(xl, shared), () -> statement(c, share, xl, shared))) {
            return new Verdict(complainer, "trustee " + complainer + "'s complaint carries no valid proof");
        }
        byte[] plain = ShareBox.open(ShareBox.info(c, accused, complainer, xl), shared, share.ephemeral(), share.box());
        if (plain == null || plain.length != 32) {
            return new Verdict(accused, "trustee " + accused + "'s share for trustee " + complainer + " does not decrypt");
        }
        BigInteger s = new BigInteger(1, plain);
        if (s.compareTo(Group.N) >= 0 || !Group.base(s).equals(c.trustee(accused).valueAt(complainer))) {
            return new Verdict(accused, "trustee " + accused + "'s share for trustee " + complainer + " does not match its commitments");
        }
        return new Verdict(complainer, "trustee " + accused + "'s share for trustee " + complainer + " is good; the complaint is unfounded");
    }
}
