package cn.minsheng.ballot.seal;

import java.util.ArrayList;
import java.util.List;

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

    public Ciphertext get(int item, int choice) {
        return totals.get(item).get(choice);
    }
}
