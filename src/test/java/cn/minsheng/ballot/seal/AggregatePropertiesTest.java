package cn.minsheng.ballot.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Many sealed ballots add up, and decrypt, to the totals counted in the clear. */
class AggregatePropertiesTest {

    static final SealFixtures.Run RUN = SealFixtures.ceremony("aggregate", 2, 3, new SeededRandom("aggregate"));

    @Property(tries = 2)
    void manyBallotsDecryptToTheirTotals(@ForAll long seed, @ForAll @IntRange(min = 30, max = 60) int ballots, @ForAll boolean rating) {
        List<String> items = List.of("a", "b", "c", "d", "e");
        Layout layout = rating ? Layout.rating(items) : Layout.yesNoAbstain(items, 3);
        Context ctx = new Context(RUN.ceremony(), "agg-" + seed, layout);
        SealedBox box = new SealedBox(ctx);
        int[][] truth = new int[items.size()][layout.choices().size()];
        Random r = new Random(seed);
        SeededRandom rnd = new SeededRandom("agg " + seed);
        List<byte[]> encodings = new ArrayList<>();
        for (int b = 0; b < ballots; b++) {
            Map<String, String> marks = SealedBallotPropertiesTest.validMarks(ctx, r.nextLong());
            for (Map.Entry<String, String> m : marks.entrySet()) {
                truth[items.indexOf(m.getKey())][layout.choices().indexOf(m.getValue())]++;
            }
            encodings.add(SealedBallot.seal(ctx, "c" + b, marks, rnd).encode());
            box.accept(encodings.get(b));
        }
        EncryptedTotals totals = box.totals();
        // what close computes: only the ciphertexts read, added in projective coordinates on every core
        assertEquals(totals, EncryptedTotals.sumOfEncodings(ctx, encodings));
        assertEquals(ballots, EncryptedTotals.sumOfEncodings(ctx, encodings).ballots());
        int[][] counted = PartialDecryption.combine(ctx, totals,
                List.of(PartialDecryption.of(ctx, RUN.key(3), totals, rnd), PartialDecryption.of(ctx, RUN.key(1), totals, rnd)));
        assertArrayEquals(truth, counted);
    }

    @Example
    void anEmptyBoxAddsUpToZero() {
        Context ctx = new Context(RUN.ceremony(), "agg-empty", Layout.yesNoAbstain(List.of("a", "b"), 2));
        EncryptedTotals totals = EncryptedTotals.sumOfEncodings(ctx, List.of());
        assertEquals(new SealedBox(ctx).totals(), totals);
        assertEquals(Ciphertext.ZERO, totals.get(1, 2));
        assertEquals(0, totals.ballots());
    }

    @Example
    void aBallotCutShortIsNotAdded() {
        Context ctx = new Context(RUN.ceremony(), "agg-cut", Layout.yesNoAbstain(List.of("a", "b"), 2));
        byte[] whole = SealedBallot.seal(ctx, "c", Map.of("a", "FOR"), new SeededRandom("cut")).encode();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);
        assertThrows(SealException.class, () -> EncryptedTotals.sumOfEncodings(ctx, List.of(whole, cut)));
    }
}
