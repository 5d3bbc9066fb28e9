package cn.minsheng.ballot.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;

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
        for (int b = 0; b < ballots; b++) {
            Map<String, String> marks = SealedBallotPropertiesTest.validMarks(ctx, r.nextLong());
            for (Map.Entry<String, String> m : marks.entrySet()) {
                truth[items.indexOf(m.getKey())][layout.choices().indexOf(m.getValue())]++;
            }
            box.accept(SealedBallot.seal(ctx, "c" + b, marks, rnd).encode());
        }
        EncryptedTotals totals = box.totals();
        assertEquals(totals, EncryptedTotals.sum(ctx, box.ballots()));
        int[][] counted = PartialDecryption.combine(ctx, totals,
                List.of(PartialDecryption.of(ctx, RUN.key(3), totals, rnd), PartialDecryption.of(ctx, RUN.key(1), totals, rnd)));
        assertArrayEquals(truth, counted);
    }
}
