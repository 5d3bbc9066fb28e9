package cn.minsheng.ballot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import cn.minsheng.ballot.tally.BallotKind;
import cn.minsheng.ballot.tally.CastBallot;
import cn.minsheng.ballot.tally.Choice;
import cn.minsheng.ballot.tally.Mark;
import cn.minsheng.ballot.tally.Method;
import cn.minsheng.ballot.tally.Roster;
import cn.minsheng.ballot.tally.Rules;
import cn.minsheng.ballot.tally.Tally;
import cn.minsheng.ballot.tally.TallyResult;
import cn.minsheng.ballot.tally.Threshold;

/**
 * Time to count a plenary's ballots over 40 items: APPROVAL ballots ticking 10 items each, and
 * YES_NO_ABSTAIN ballots marking all 40 (the heaviest shape). Target: under 5 ms for 3,000 × 40.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TallyBenchmark {

    @Param({ "3000", "100000" })
    int ballots;

    @Param({ "APPROVAL", "YES_NO_ABSTAIN" })
    Method method;

    private final List<String> items = IntStream.range(0, 40).mapToObj(i -> "project-" + i).toList();
    private List<CastBallot> cast;
    private Rules rules;
    private Roster roster;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        rules = new Rules(BallotKind.SELECTION, method, 10, null, Threshold.MAJORITY_OF_SEATED, null, null);
        roster = new Roster(ballots, ballots, ballots);
        cast = new ArrayList<>(ballots);
        for (int b = 0; b < ballots; b++) {
            List<Mark> marks = new ArrayList<>();
            if (method == Method.APPROVAL) {
                random.ints(0, 40).distinct().limit(10).forEach(i -> marks.add(new Mark(items.get(i), Choice.FOR)));
            } else {
                for (int i = 0; i < 40; i++) {
                    int r = random.nextInt(10);
                    marks.add(new Mark(items.get(i), r < 3 ? Choice.FOR : r < 8 ? Choice.AGAINST : Choice.ABSTAIN));
                }
            }
            cast.add(new CastBallot(marks));
        }
    }

    @Benchmark
    public TallyResult count() {
        return Tally.count(rules, items, roster, cast);
    }
}
