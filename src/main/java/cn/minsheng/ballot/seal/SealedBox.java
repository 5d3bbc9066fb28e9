package cn.minsheng.ballot.seal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ballot box of one sealed ballot: takes encoded ballots, refuses any that fails a check, that
 * repeats a cast id, or that repeats a ciphertext already in the box (a replay), and adds the
 * accepted ones into the encrypted totals. No ballot is ever decrypted.
 */
public final class SealedBox {

    private final Context ctx;
    private final Set<String> castIds = new HashSet<>();
    private final Set<String> alphas = new HashSet<>();
    private final List<SealedBallot> ballots = new ArrayList<>();
    private final Ciphertext[][] totals;

    public SealedBox(Context ctx) {
        this.ctx = ctx;
        totals = new Ciphertext[ctx.layout().items().size()][ctx.layout().choices().size()];
        for (Ciphertext[] row : totals) {
            java.util.Arrays.fill(row, Ciphertext.ZERO);
        }
    }

    /** Checks and adds one ballot; returns its tracker. Throws SealException (and adds nothing) when refused. */
    public String accept(byte[] encoding) {
        SealedBallot b = SealedBallot.decode(ctx, encoding).verify(ctx);
        if (castIds.contains(b.castId())) {
            throw new SealException("cast id already in the box");
        }
        List<String> mine = new ArrayList<>();
        for (SealedBallot.Item item : b.items()) {
            for (SealedBallot.Mark m : item.marks()) {
                String a = java.util.HexFormat.of().formatHex(Group.encodePoint(m.ct().alpha()));
                if (alphas.contains(a) || mine.contains(a)) {
                    throw new SealException("a ciphertext of this ballot is already in the box");
                }
                mine.add(a);
            }
        }
        castIds.add(b.castId());
        alphas.addAll(mine);
        ballots.add(b);
        for (int i = 0; i < totals.length; i++) {
            for (int j = 0; j < totals[i].length; j++) {
                totals[i][j] = totals[i][j].add(b.ciphertext(i, j));
            }
        }
        return b.tracker();
    }

    public List<SealedBallot> ballots() {
        return List.copyOf(ballots);
    }

    public EncryptedTotals totals() {
        return EncryptedTotals.of(totals, ballots.size());
    }
}
