package cn.minsheng.ballot.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** The key ceremony (bad shares found and their sender named) and threshold decryption (k of n, not k − 1; from a backup). */
class CeremonyTest {

    static final List<String> ITEMS = List.of("p1", "p2", "p3");

    @Test
    void aBadShareIsDetectedAndItsSenderNamed() {
        SeededRandom rnd = new SeededRandom("bad share");
        List<Trustee> ts = SealFixtures.trustees("s1", 2, 3, rnd);
        Ceremony c = SealFixtures.publish("s1", 2, ts, rnd);
        Trustee two = ts.get(1);
        Trustee three = ts.get(2);
        // trustee 2 sends trustee 3 a value off by one
        EncryptedShare bad = two.sealShare(c, 3, two.valueAt(3).add(BigInteger.ONE), rnd);
        assertNull(three.open(c, bad));
        List<EncryptedShare> received = List.of(ts.get(0).shareFor(c, 3, rnd), bad);
        SealException e = assertThrows(SealException.class, () -> three.finish(c, received));
        assertEquals("bad share from trustee 2", e.getMessage());
        // the public complaint: anyone holding the record finds trustee 2 at fault
        Complaint complaint = three.complain(c, bad, rnd);
        assertEquals(2, complaint.judge(c, bad).atFault());
        assertTrue(complaint.judge(c, bad).reason().contains("does not match its commitments"));
        // a box that does not even open is the sender's fault too
        byte[] box = two.shareFor(c, 3, rnd).box();
        box[5] ^= 1;
        EncryptedShare garbled = new EncryptedShare(2, 3, bad.ephemeral(), box);
        assertNull(three.open(c, garbled));
        assertEquals(2, three.complain(c, garbled, rnd).judge(c, garbled).atFault());
        // a box "sealed" with no ephemeral key (readable by anyone) is refused, and its sender blamed
        ECPoint x3 = c.trustee(3).commsKey();
        EncryptedShare open = new EncryptedShare(2, 3, Group.INFINITY, ShareBox.seal(ShareBox.info(c, 2, 3, x3), Group.INFINITY, Group.INFINITY, two.valueAt(3)));
        assertNull(three.open(c, open));
        assertEquals(2, three.complain(c, open, rnd).judge(c, open).atFault());
    }

    @Test
    void aFalseOrForgedComplaintNamesTheComplainer() {
        SeededRandom rnd = new SeededRandom("false complaint");
        List<Trustee> ts = SealFixtures.trustees("s2", 2, 3, rnd);
        Ceremony c = SealFixtures.publish("s2", 2, ts, rnd);
        EncryptedShare good = ts.get(0).shareFor(c, 2, rnd);
        assertNotNull(ts.get(1).open(c, good));
        Complaint unfounded = ts.get(1).complain(c, good, rnd);
        assertEquals(2, unfounded.judge(c, good).atFault());
        // a complaint revealing some other Z (to make the box look bad) carries no valid proof
        Complaint forged = new Complaint(1, 2, Group.base(BigInteger.TEN), unfounded.proof());
        Complaint.Verdict v = forged.judge(c, good);
        assertEquals(2, v.atFault());
        assertTrue(v.reason().contains("no valid proof"));
    }

    @Test
    void aTamperedPublicRecordIsRefusedNamingTheTrustee() {
        SeededRandom rnd = new SeededRandom("tampered record");
        List<Trustee> ts = SealFixtures.trustees("s3", 2, 3, rnd);
        List<TrusteePublic> pubs = new ArrayList<>(ts.stream().map(t -> t.publish(rnd)).toList());
        TrusteePublic p = pubs.get(2);
        List<ECPoint> cs = new ArrayList<>(p.commitments());
        cs.set(0, Group.add(cs.get(0), Group.G)); // a rogue constant term, chosen without knowing its logarithm
        pubs.set(2, new TrusteePublic(3, p.commsKey(), p.commsProof(), cs, p.coefficientProofs()));
        SealException e = assertThrows(SealException.class, () -> new Ceremony("s3", 2, 3, pubs).verified());
        assertTrue(e.getMessage().startsWith("trustee 3"), e.getMessage());
    }

    /** Seals the given APPROVAL ballots (item index ticked per ballot) and returns the box's totals with the truth. */
    static EncryptedTotals vote(Context ctx, int[][] ticks, SeededRandom rnd) {
        SealedBox box = new SealedBox(ctx);
        for (int b = 0; b < ticks.length; b++) {
            Map<String, String> marks = new java.util.HashMap<>();
            for (int i : ticks[b]) {
                marks.put(ITEMS.get(i), Layout.FOR);
            }
            box.accept(SealedBallot.seal(ctx, "cast-" + b, marks, rnd).encode());
        }
        return box.totals();
    }

    static final int[][] TICKS = { { 0 }, { 0, 1 }, { 2 }, { 0, 2 }, {}, { 1 } };
    static final int[][] TRUTH = { { 3 }, { 2 }, { 2 } };

    /** a finished ceremony, one APPROVAL ballot of ITEMS (0 to 2 ticks), TICKS cast into it, and its totals */
    record Counting(SeededRandom rnd, SealFixtures.Run run, Context ctx, EncryptedTotals totals) {
    }

    static Counting counting(String seed, int k, int n) {
        SeededRandom rnd = new SeededRandom(seed);
        SealFixtures.Run run = SealFixtures.ceremony("ceremony " + seed, k, n, rnd);
        Context ctx = new Context(run.ceremony(), "ballot " + seed, Layout.approval(ITEMS, 0, 2));
        return new Counting(rnd, run, ctx, vote(ctx, TICKS, rnd));
    }

    @Test
    void anyKOfNDecryptAndKMinusOneCannot() {
        Counting counting = counting("3 of 5", 3, 5);
        SeededRandom rnd = counting.rnd();
        SealFixtures.Run run = counting.run();
        Context ctx = counting.ctx();
        EncryptedTotals totals = counting.totals();
        List<PartialDecryption> all = new ArrayList<>();
        for (TrusteeKey key : run.keys()) {
            all.add(PartialDecryption.of(ctx, key, totals, rnd).verify(ctx, totals));
        }
        int subsets = 0;
        for (int mask = 0; mask < 32; mask++) {
            List<PartialDecryption> some = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                if ((mask & (1 << i)) != 0) {
                    some.add(all.get(i));
                }
            }
            if (some.size() >= 3) {
                assertArrayEquals(TRUTH, PartialDecryption.combine(ctx, totals, some), "trustees " + Integer.toBinaryString(mask));
                subsets++;
            } else {
                assertThrows(SealException.class, () -> PartialDecryption.combine(ctx, totals, some));
            }
            if (some.size() == 2) {
                // interpolating two shares of a degree-2 polynomial gives the wrong secret: no total between 0 and 6 comes out right
                List<Integer> set = some.stream().map(PartialDecryption::trustee).toList();
                int[][] guess;
                try {
                    guess = PartialDecryption.interpolate(totals, some, set);
                } catch (SealException outOfRange) {
                    guess = null;
                }
                assertFalse(guess != null && java.util.Arrays.deepEquals(TRUTH, guess));
            }
        }
        assertEquals(16, subsets);
    }

    @Test
    void anAlteredPartialDecryptionIsRefusedNamingItsTrustee() {
        Counting counting = counting("altered partial", 2, 3);
        SeededRandom rnd = counting.rnd();
        SealFixtures.Run run = counting.run();
        Context ctx = counting.ctx();
        EncryptedTotals totals = counting.totals();
        PartialDecryption p = PartialDecryption.of(ctx, run.key(2), totals, rnd);
        List<List<PartialDecryption.Share>> rows = new ArrayList<>(p.shares());
        PartialDecryption.Share s = rows.get(1).get(0);
        rows.set(1, List.of(new PartialDecryption.Share(Group.add(s.m(), Group.G), s.proof())));
        PartialDecryption altered = new PartialDecryption(2, rows);
        SealException e = assertThrows(SealException.class,
                () -> PartialDecryption.combine(ctx, totals, List.of(PartialDecryption.of(ctx, run.key(1), totals, rnd), altered)));
        assertTrue(e.getMessage().startsWith("trustee 2: the decryption proof of p2 FOR fails"), e.getMessage());
        // and a partial decryption under trustee 3's name made with trustee 2's key
        PartialDecryption impostor = new PartialDecryption(3, p.shares());
        assertThrows(SealException.class, () -> impostor.verify(ctx, totals));
    }

    @Test
    void aRestoredBackupDecrypts() {
        Counting counting = counting("backup", 2, 3);
        SeededRandom rnd = counting.rnd();
        SealFixtures.Run run = counting.run();
        Context ctx = counting.ctx();
        EncryptedTotals totals = counting.totals();
        String text = ShareBackup.seal(run.key(3), "监票人 长城 passphrase", 10, rnd);
        assertThrows(SealException.class, () -> ShareBackup.open(text, "监票人 长城 passphrasf"));
        TrusteeKey restored = ShareBackup.open(text, "监票人 长城 passphrase");
        assertEquals(run.key(3), restored);
        int[][] counted = PartialDecryption.combine(ctx, totals,
                List.of(PartialDecryption.of(ctx, restored, totals, rnd), PartialDecryption.of(ctx, run.key(1), totals, rnd)));
        assertArrayEquals(TRUTH, counted);
        assertThrows(SealException.class, () -> ShareBackup.seal(run.key(3), "short", 10, rnd));
        byte[] raw = java.util.Base64.getDecoder().decode(text);
        raw[raw.length - 3] ^= 1;
        String damaged = java.util.Base64.getEncoder().encodeToString(raw);
        assertThrows(SealException.class, () -> ShareBackup.open(damaged, "监票人 长城 passphrase"));
    }
}
