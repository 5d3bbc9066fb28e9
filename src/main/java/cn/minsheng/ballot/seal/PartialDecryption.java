package cn.minsheng.ballot.seal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * Trustee i's share of the decryption of the totals: for every total (A, B), M_i = s_i·A with a
 * Chaum–Pedersen proof that log_G K_i = log_A M_i (K_i = s_i·G, the trustee's public share from
 * the commitments), statement
 * ("minsheng-seal/v1/partial", contextHash, i, K_i, itemId, choice, A, B, M_i).
 */
public record PartialDecryption(int trustee, List<List<Share>> shares) {

    public record Share(ECPoint m, DlogProof proof) {
    }

    public PartialDecryption {
        List<List<Share>> copy = new ArrayList<>();
        shares.forEach(row -> copy.add(List.copyOf(row)));
        shares = List.copyOf(copy);
    }

    static Enc statement(Context ctx, int i, ECPoint ki, int item, int choice, Ciphertext ct, ECPoint m) {
        return Enc.tag("minsheng-seal/v1/partial").bytes(ctx.hash()).u32(i).point(ki).str(ctx.layout().items().get(item))
                .str(ctx.layout().choices().get(choice)).point(ct.alpha()).point(ct.beta()).point(m);
    }

    /** Drawn in order: one u per total, items then choices. */
    public static PartialDecryption of(Context ctx, TrusteeKey key, EncryptedTotals totals, SecureRandom random) {
        if (!key.ceremonyId().equals(ctx.ceremony().ceremonyId())) {
            throw new SealException("this key belongs to another ceremony");
        }
        ECPoint ki = Group.base(key.share());
        List<List<Share>> rows = new ArrayList<>();
        for (int i = 0; i < totals.totals().size(); i++) {
            List<Share> row = new ArrayList<>();
            for (int j = 0; j < totals.totals().get(i).size(); j++) {
                Ciphertext ct = totals.get(i, j);
                ECPoint m = Group.mul(ct.alpha(), key.share());
                int ii = i;
                int jj = j;
                row.add(new Share(m, DlogProof.prove(List.of(Group.G, ct.alpha()), key.share(),
                        () -> statement(ctx, key.index(), ki, ii, jj, ct, m), random)));
            }
            rows.add(row);
        }
        return new PartialDecryption(key.index(), rows);
    }

    public PartialDecryption verify(Context ctx, EncryptedTotals totals) {
        ECPoint ki = ctx.ceremony().publicShare(trustee);
        if (shares.size() != totals.totals().size()) {
            throw new SealException("trustee " + trustee + ": partial decryption of the wrong shape");
        }
        for (int i = 0; i < shares.size(); i++) {
            if (shares.get(i).size() != totals.totals().get(i).size()) {
                throw new SealException("trustee " + trustee + ": partial decryption of the wrong shape");
            }
            for (int j = 0; j < shares.get(i).size(); j++) {
                Share s = shares.get(i).get(j);
                Ciphertext ct = totals.get(i, j);
                int ii = i;
                int jj = j;
                if (!s.proof().verifies(List.of(Group.G, ct.alpha()), List.of(ki, s.m()), () -> statement(ctx, trustee, ki, ii, jj, ct, s.m()))) {
                    throw new SealException("trustee " + trustee + ": the decryption proof of " + ctx.layout().items().get(i) + " "
                            + ctx.layout().choices().get(j) + " fails");
                }
            }
        }
        return this;
    }

    /**
     * The totals in the clear from at least k verified partial decryptions of distinct trustees:
     * m·G = B − Σ λ_i·M_i, m found by baby-step giant-step in [0, ballots].
     */
    public static int[][] combine(Context ctx, EncryptedTotals totals, List<PartialDecryption> partials) {
        List<Integer> set = new ArrayList<>();
        for (PartialDecryption p : partials) {
            if (set.contains(p.trustee())) {
                throw new SealException("two partial decryptions of trustee " + p.trustee());
            }
            p.verify(ctx, totals);
            set.add(p.trustee());
        }
        if (set.size() < ctx.ceremony().k()) {
            throw new SealException(set.size() + " partial decryptions; " + ctx.ceremony().k() + " are needed");
        }
        return interpolate(totals, partials, set);
    }

    /** Lagrange interpolation over exactly the given trustees, whatever their number (tests show k − 1 give nothing) */
    static int[][] interpolate(EncryptedTotals totals, List<PartialDecryption> partials, List<Integer> set) {
        List<BigInteger> lambdas = new ArrayList<>();
        for (int t : set) {
            lambdas.add(Ceremony.lagrange(t, set));
        }
        Dlog dlog = new Dlog(totals.ballots());
        int[][] out = new int[totals.totals().size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[totals.totals().get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                ECPoint m = Group.INFINITY;
                for (int p = 0; p < partials.size(); p++) {
                    m = Group.add(m, Group.mul(partials.get(p).shares().get(i).get(j).m(), lambdas.get(p)));
                }
                out[i][j] = dlog.solve(Group.sub(totals.get(i, j).beta(), m));
            }
        }
        return out;
    }
}
