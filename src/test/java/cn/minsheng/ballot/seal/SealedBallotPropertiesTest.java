package cn.minsheng.ballot.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Each way a tablet (or anyone posing as one) could cheat is refused; honest ballots are accepted. */
class SealedBallotPropertiesTest {

    static final SealFixtures.Run RUN = SealFixtures.ceremony("session-7", 2, 3, new SeededRandom("ballot properties"));
    static final List<String> ITEMS = List.of("p1", "p2", "p3", "p4");
    static final Context APPROVAL = new Context(RUN.ceremony(), "ballot-a", Layout.approval(ITEMS, 1, 2));
    static final Context EXACT = new Context(RUN.ceremony(), "ballot-x", Layout.approval(ITEMS, 2, 2));
    static final Context YNA = new Context(RUN.ceremony(), "ballot-y", Layout.yesNoAbstain(ITEMS, 2));
    static final Context RATING = new Context(RUN.ceremony(), "ballot-r", Layout.rating(ITEMS));

    @Provide
    Arbitrary<Context> contexts() {
        return Arbitraries.of(APPROVAL, EXACT, YNA, RATING);
    }

    /** a random valid choice for every item (or none), within the layout's FOR limits */
    static Map<String, String> validMarks(Context ctx, long seed) {
        java.util.Random r = new java.util.Random(seed);
        Layout l = ctx.layout();
        while (true) {
            Map<String, String> marks = new HashMap<>();
            for (String item : l.items()) {
                int pick = r.nextInt(l.choices().size() + 1);
                if (pick < l.choices().size()) {
                    marks.put(item, l.choices().get(pick));
                }
            }
            long fors = marks.values().stream().filter(Layout.FOR::equals).count();
            if (!l.hasForSum() || (fors >= l.minFor() && fors <= l.maxFor())) {
                return marks;
            }
        }
    }

    @Property(tries = 15)
    void anHonestBallotIsAcceptedAndItsTrackerIsTheHashOfItsEncoding(@ForAll("contexts") Context ctx, @ForAll long seed) throws Exception {
        SealedBallot b = SealedBallot.seal(ctx, "cast-" + seed, validMarks(ctx, seed), new SeededRandom("honest " + seed));
        byte[] enc = b.encode();
        SealedBallot back = SealedBallot.decode(ctx, enc).verify(ctx);
        assertArrayEquals(enc, back.encode());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(enc)), b.tracker());
        assertEquals(b.tracker(), new SealedBox(ctx).accept(enc));
    }

    @Property(tries = 10)
    void aMarkOfTwoOrMinusOneIsRefused(@ForAll("contexts") Context ctx, @ForAll @IntRange(max = 3) int item, @ForAll boolean two) {
        int[][] values = new int[4][ctx.layout().choices().size()];
        values[item][0] = two ? 2 : -1;
        // keep the other proofs' claims true where they can be: the FOR sum and the item sum stay in range when possible
        SealedBallot b = SealedBallot.sealValues(ctx, "cheat", values, new SeededRandom("cheat " + item + two));
        SealException e = assertThrows(SealException.class, () -> b.verify(ctx));
        assertTrue(e.getMessage().contains("0 or 1"), e.getMessage());
    }

    @Example
    void aMarkOfTwoIsRefusedEvenWhenItsOwnProofIsTheOnlyOneThatCouldTell() {
        // APPROVAL with 1..2 marks: a single 2 keeps the FOR sum (2) in range, so only the mark's proof catches it
        int[][] values = { { 2 }, { 0 }, { 0 }, { 0 } };
        SealedBallot b = SealedBallot.sealValues(APPROVAL, "cheat-2", values, new SeededRandom("two"));
        assertTrue(b.forSum().verifies(SealedBallot.statement(APPROVAL, "cheat-2", "for-sum", "", ""), sumFor(b)));
        assertThrows(SealException.class, () -> b.verify(APPROVAL));
    }

    private static Ciphertext sumFor(SealedBallot b) {
        Ciphertext sum = Ciphertext.ZERO;
        for (int i = 0; i < b.items().size(); i++) {
            sum = sum.add(b.ciphertext(i, 0));
        }
        return sum;
    }

    @Property(tries = 10)
    void tooManyOrTooFewForMarksAreRefused(@ForAll @IntRange(max = 4) int count) {
        for (Context ctx : List.of(EXACT, APPROVAL, YNA)) {
            Layout l = ctx.layout();
            int[][] values = new int[4][l.choices().size()];
            for (int i = 0; i < count; i++) {
                values[i][0] = 1;
            }
            SealedBallot b = SealedBallot.sealValues(ctx, "count-" + count, values, new SeededRandom("count " + count));
            if (count >= l.minFor() && count <= l.maxFor()) {
                b.verify(ctx);
            } else {
                SealException e = assertThrows(SealException.class, () -> b.verify(ctx));
                assertTrue(e.getMessage().contains("FOR marks"), e.getMessage());
                assertThrows(IllegalArgumentException.class, () -> SealedBallot.seal(ctx, "c", marksFor(count), new SeededRandom("x")));
            }
        }
    }

    private static Map<String, String> marksFor(int count) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < count; i++) {
            m.put(ITEMS.get(i), Layout.FOR);
        }
        return m;
    }

    @Property(tries = 10)
    void twoChoicesOnOneItemAreRefused(@ForAll @IntRange(max = 3) int item, @ForAll @IntRange(min = 1, max = 2) int second, @ForAll boolean rating) {
        Context ctx = rating ? RATING : YNA;
        int[][] values = new int[4][ctx.layout().choices().size()];
        values[item][0] = 1;
        values[item][second] = 1;
        SealedBallot b = SealedBallot.sealValues(ctx, "double", values, new SeededRandom("double " + item + second));
        SealException e = assertThrows(SealException.class, () -> b.verify(ctx));
        assertTrue(e.getMessage().contains("at most one choice"), e.getMessage());
    }

    @Property(tries = 10)
    void aProofCopiedFromAnotherBallotIsRefused(@ForAll("contexts") Context ctx, @ForAll @IntRange(max = 3) int item) {
        SealedBallot a = SealedBallot.seal(ctx, "cast-a", validMarks(ctx, 1), new SeededRandom("a"));
        SealedBallot b = SealedBallot.seal(ctx, "cast-b", validMarks(ctx, 1), new SeededRandom("b"));
        // b's ciphertext with a's proof of that mark
        List<SealedBallot.Item> items = new ArrayList<>(b.items());
        SealedBallot.Item bi = items.get(item);
        List<SealedBallot.Mark> marks = new ArrayList<>(bi.marks());
        marks.set(0, new SealedBallot.Mark(marks.get(0).choice(), marks.get(0).ct(), a.items().get(item).marks().get(0).proof()));
        items.set(item, new SealedBallot.Item(bi.itemId(), marks, bi.oneChoice()));
        SealedBallot mixed = new SealedBallot(b.contextHash(), b.castId(), items, b.forSum());
        assertThrows(SealException.class, () -> mixed.verify(ctx));
        // a's whole ballot (ciphertexts and proofs) under another cast id
        SealedBallot renamed = new SealedBallot(a.contextHash(), "cast-c", a.items(), a.forSum());
        assertThrows(SealException.class, () -> renamed.verify(ctx));
        // a's ciphertexts with b's proofs
        SealedBallot swapped = new SealedBallot(a.contextHash(), a.castId(), b.items(), b.forSum());
        assertThrows(SealException.class, () -> swapped.verify(ctx));
    }

    @Example
    void aBallotSealedForAnotherBallotIdIsRefusedEvenWithItsContextHashRewritten() {
        Context other = new Context(RUN.ceremony(), "ballot-other", APPROVAL.layout());
        SealedBallot a = SealedBallot.seal(other, "cast-a", Map.of("p1", "FOR"), new SeededRandom("other"));
        assertThrows(SealException.class, () -> a.verify(APPROVAL));
        SealedBallot rewritten = new SealedBallot(APPROVAL.hash(), a.castId(), a.items(), a.forSum());
        SealException e = assertThrows(SealException.class, () -> rewritten.verify(APPROVAL));
        assertTrue(e.getMessage().contains("proof"), e.getMessage());
    }

    @Example
    void aReplayedBallotOrCiphertextIsRefusedByTheBox() {
        SealedBox box = new SealedBox(APPROVAL);
        byte[] a = SealedBallot.seal(APPROVAL, "cast-a", Map.of("p1", "FOR"), new SeededRandom("replay")).encode();
        box.accept(a);
        assertThrows(SealException.class, () -> box.accept(a));
        // the same ciphertexts and randomness under a new cast id: the proofs are new and valid, the ciphertexts are not
        byte[] again = SealedBallot.seal(APPROVAL, "cast-b", Map.of("p1", "FOR"), new SeededRandom("replay")).encode();
        SealException e = assertThrows(SealException.class, () -> box.accept(again));
        assertTrue(e.getMessage().contains("already in the box"), e.getMessage());
        assertEquals(1, box.ballots().size());
        assertEquals(1, box.totals().ballots());
    }

    @Property(tries = 40)
    void aSingleAlteredByteIsRefused(@ForAll("contexts") Context ctx, @ForAll @IntRange(min = 0, max = 100_000) int where, @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] enc = SealedBallot.seal(ctx, "cast-z", validMarks(ctx, 7), new SeededRandom("z" + ctx.ballotId())).encode();
        enc[where % enc.length] ^= (byte) xor;
        assertThrows(SealException.class, () -> SealedBallot.decode(ctx, enc).verify(ctx));
    }
}
