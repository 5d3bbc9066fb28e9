package cn.minsheng.ballot.seal;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * CPU per sealed ballot in Java (one core): sealing (what a tablet does, here in Java), checking a
 * ballot (what the service does at cast or before counting), and one scrutineer's partial
 * decryption of the totals. Ballots of 15 items: APPROVAL ticking 10 (FOR sum in 0..10), and
 * YES_NO_ABSTAIN marking every item (at most 10 FOR).
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench.args="SealBenchmark -rf text -rff target/jmh-seal.txt"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SealBenchmark {

    private static final int BOX = 100;

    @Param({ "APPROVAL", "YES_NO_ABSTAIN" })
    String method;

    private final SecureRandom random = new SecureRandom();
    private Context ctx;
    private Map<String, String> marks;
    private byte[] encoding;
    private EncryptedTotals totals;
    private TrusteeKey key;
    private final List<byte[]> box = new java.util.ArrayList<>();

    @Setup
    public void setUp() {
        SealFixtures.Run run = SealFixtures.ceremony("bench", 3, 5, random);
        key = run.key(1);
        List<String> items = IntStream.range(0, 15).mapToObj(i -> "project-" + i).toList();
        boolean approval = method.equals("APPROVAL");
        ctx = new Context(run.ceremony(), "bench", approval ? Layout.approval(items, 0, 10) : Layout.yesNoAbstain(items, 10));
        marks = new HashMap<>();
        for (int i = 0; i < (approval ? 10 : 15); i++) {
            marks.put(items.get(i), approval || i < 8 ? "FOR" : (i % 2 == 0 ? "AGAINST" : "ABSTAIN"));
        }
        SealedBox sealed = new SealedBox(ctx);
        for (int b = 0; b < BOX; b++) {
            encoding = SealedBallot.seal(ctx, "cast-" + b, marks, random).encode();
            sealed.accept(encoding);
            box.add(encoding);
        }
        totals = sealed.totals();
    }

    @Benchmark
    public byte[] seal() {
        return SealedBallot.seal(ctx, "cast-x", marks, random).encode();
    }

    @Benchmark
    public SealedBallot verify() {
        return SealedBallot.decode(ctx, encoding).verify(ctx);
    }

    /** What closing a sealed ballot computes: the encrypted totals of a box of {@value #BOX} stored ballots (multiply by 30 for 3,000). */
    @Benchmark
    public EncryptedTotals close() {
        return EncryptedTotals.sumOfEncodings(ctx, box);
    }

    @Benchmark
    public PartialDecryption partialDecryption() {
        return PartialDecryption.of(ctx, key, totals, random);
    }
}
