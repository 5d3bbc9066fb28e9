package cn.minsheng.ballot.seal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/** The encrypted sum of every accepted ballot, per item and choice (in the layout's order), and how many ballots went in. */
public record EncryptedTotals(List<List<Ciphertext>> totals, int ballots) {

    public EncryptedTotals {
        List<List<Ciphertext>> copy = new ArrayList<>();
        totals.forEach(row -> copy.add(List.copyOf(row)));
        totals = List.copyOf(copy);
    }

    static EncryptedTotals of(Ciphertext[][] t, int ballots) {
        List<List<Ciphertext>> rows = new ArrayList<>();
        for (Ciphertext[] row : t) {
            rows.add(List.of(row));
        }
        return new EncryptedTotals(rows, ballots);
    }

    /**
     * The totals of a box's stored encodings (each decoded and checked when it was accepted; {@link SealedBox}
     * keeps the same sums one ballot at a time as it checks them): only the
     * ciphertexts are read, the sums are kept in projective coordinates and brought to affine once at the
     * end (one field inversion per total instead of one per addition), and the encodings are split
     * between the cores.
     */
    public static EncryptedTotals sumOfEncodings(Context ctx, List<byte[]> encodings) {
        int items = ctx.layout().items().size();
        int choices = ctx.layout().choices().size();
        ECPoint[] sums = encodings.parallelStream()
                .map(e -> SealedBallot.ciphertexts(ctx, e))
                .collect(() -> zeros(items, choices), (acc, ct) -> {
                    for (int i = 0, k = 0; i < items; i++) {
                        for (int j = 0; j < choices; j++, k += 2) { // alpha at k, beta at k + 1
                            acc[k] = acc[k].add(ct[i][j].alpha());
                            acc[k + 1] = acc[k + 1].add(ct[i][j].beta());
                        }
                    }
                }, (a, b) -> {
                    for (int k = 0; k < a.length; k++) {
                        a[k] = a[k].add(b[k]);
                    }
                });
        Group.CURVE.normalizeAll(sums);
        Ciphertext[][] t = new Ciphertext[items][choices];
        for (int i = 0, k = 0; i < items; i++) {
            for (int j = 0; j < choices; j++, k += 2) {
                t[i][j] = new Ciphertext(sums[k], sums[k + 1]);
            }
        }
        return of(t, encodings.size());
    }

    private static ECPoint[] zeros(int items, int choices) {
        ECPoint[] z = new ECPoint[2 * items * choices];
        Arrays.fill(z, Group.INFINITY);
        return z;
    }

    public Ciphertext get(int item, int choice) {
        return totals.get(item).get(choice);
    }
}
