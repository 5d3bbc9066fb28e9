package cn.minsheng.ballot.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import cn.minsheng.ballot.seal.Ceremony;
import cn.minsheng.ballot.seal.Context;
import cn.minsheng.ballot.seal.Layout;
import cn.minsheng.ballot.seal.SealedBallot;
import cn.minsheng.ballot.seal.Trustee;

/**
 * What the service spends checking one sealed ballot at cast, on one core: decoding it (canonical
 * encoding, every point on the curve) and verifying its proofs, for the plenary burst's ballot (15
 * items, APPROVAL, FOR 1..10 marks: 15 mark proofs of 2 branches and one for-sum proof of 11).
 * Run: {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench.args="SealedVerifyBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SealedVerifyBenchmark {

    private Context ctx;
    private final List<byte[]> ballots = new ArrayList<>();
    private int next;

    @Setup
    public void seal() {
        SecureRandom random = new SecureRandom();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            items.add(UUID.randomUUID().toString());
        }
        // three scrutineers, any two decrypt: the joint key is what the tablets encrypt under
        Ceremony params = new Ceremony("bench-" + UUID.randomUUID(), 2, 3, List.of());
        List<cn.minsheng.ballot.seal.TrusteePublic> published = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            published.add(Trustee.create(params, i, random).publish(random));
        }
        ctx = new Context(new Ceremony(params.ceremonyId(), 2, 3, published), UUID.randomUUID().toString(), Layout.approval(items, 1, 10));
        for (int b = 0; b < 32; b++) {
            Map<String, String> marks = new LinkedHashMap<>();
            items.subList(0, 1 + b % 10).forEach(id -> marks.put(id, Layout.FOR));
            ballots.add(SealedBallot.seal(ctx, "cast-" + UUID.randomUUID(), marks, random).encode());
        }
    }

    @Benchmark
    public SealedBallot decodeOnly() {
        return SealedBallot.decode(ctx, ballots.get(next++ & 31));
    }

    @Benchmark
    public SealedBallot decodeAndVerify() {
        return SealedBallot.decode(ctx, ballots.get(next++ & 31)).verify(ctx);
    }
}
