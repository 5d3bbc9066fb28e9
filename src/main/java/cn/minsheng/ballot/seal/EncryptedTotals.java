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

    /** The totals recomputed from a list of ballots (which must each have been verified). */
    public static EncryptedTotals sum(Context ctx, List<SealedBallot> ballots) {
        Ciphertext[][] t = new Ciphertext[ctx.layout().items().size()][ctx.layout().choices().size()];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[i].length; j++) {
                Ciphertext sum = Ciphertext.ZERO;
                for (SealedBallot b : ballots) {
                    sum = sum.add(b.ciphertext(i, j));
                }
                t[i][j] = sum;
            }
        }
        return of(t, ballots.size());
    }

    /**
     * The totals of a box's stored encodings (each decoded and checked when it was accepted): only the
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
                    for (int i = 0; i < items; i++) {
                        for (int j = 0; j < choices; j++) {
                            acc[2 * (i * choices + j)] = acc[2 * (i * choices + j)].add(ct[i][j].alpha());
                            acc[2 * (i * choices + j) + 1] = acc[2 * (i * choices + j) + 1].add(ct[i][j].beta());
                        }
                    }
                }, (a, b) -> {
                    for (int k = 0; k < a.length; k++) {
                        a[k] = a[k].add(b[k]);
                    }
                });
        Group.CURVE.normalizeAll(sums);
        Ciphertext[][] t = new Ciphertext[items][choices];
        for (int i = 0; i < items; i++) {
            for (int j = 0; j < choices; j++) {
                t[i][j] = new Ciphertext(sums[2 * (i * choices + j)], sums[2 * (i * choices + j) + 1]);
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
