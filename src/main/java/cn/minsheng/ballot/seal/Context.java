package cn.minsheng.ballot.seal;

import java.util.HexFormat;

import org.bouncycastle.math.ec.ECPoint;

/**
 * One sealed ballot (表决) under a ceremony's key. Its hash binds every proof of the ballot to the
 * curve, the ceremony (every communication key and commitment), the joint key, the ballot id and
 * the layout:
 * <pre>
 * SHA-256( "minsheng-seal/v1/context", "P-256", ceremonyId, k, n,
 *          for i = 1 … n: X_i, C_{i,0} … C_{i,k−1},
 *          jointKey, ballotId, method, #items, items…, #choices, choices…, minFor, maxFor )
 * </pre>
 */
public final class Context {

    private final Ceremony ceremony;
    private final String ballotId;
    private final Layout layout;
    private final ECPoint jointKey;
    private final byte[] hash;

    public Context(Ceremony ceremony, String ballotId, Layout layout) {
        this.ceremony = ceremony.verified();
        this.ballotId = ballotId;
        this.layout = layout;
        this.jointKey = Group.fixedBase(ceremony.jointKey());
        Enc e = Enc.tag("minsheng-seal/v1/context").str(Group.ID).str(ceremony.ceremonyId()).u32(ceremony.k()).u32(ceremony.n());
        for (TrusteePublic t : ceremony.trustees()) {
            e.point(t.commsKey());
            t.commitments().forEach(e::point);
        }
        e.point(jointKey).str(ballotId).str(layout.method()).u32(layout.items().size());
        layout.items().forEach(e::str);
        e.u32(layout.choices().size());
        layout.choices().forEach(e::str);
        this.hash = e.u32(layout.minFor()).u32(layout.maxFor()).sha256();
    }

    public Ceremony ceremony() {
        return ceremony;
    }

    public String ballotId() {
        return ballotId;
    }

    public Layout layout() {
        return layout;
    }

    public ECPoint jointKey() {
        return jointKey;
    }

    public byte[] hash() {
        return hash.clone();
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }
}
