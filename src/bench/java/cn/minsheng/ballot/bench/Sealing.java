package cn.minsheng.ballot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minsheng.ballot.seal.Context;
import cn.minsheng.ballot.seal.EncryptedTotals;
import cn.minsheng.ballot.seal.SealedBallot;
import cn.minsheng.ballot.support.RemoteClient;
import cn.minsheng.ballot.support.RemotePlenary;
import cn.minsheng.ballot.verifier.SealedBoard;

/**
 * The tablets' side of a sealed burst: every ballot is encrypted and proved before the clock starts;
 * after the burst, close, the board, two scrutineers' partial decryptions, and the decrypted counts
 * compared with what the generator marked.
 */
final class Sealing {

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    final Context ctx;
    final List<String> hex;
    final List<String> trackers;
    final List<Map<String, String>> marks;

    private Sealing(Context ctx, List<String> hex, List<String> trackers, List<Map<String, String>> marks) {
        this.ctx = ctx;
        this.hex = hex;
        this.trackers = trackers;
        this.marks = marks;
    }

    /** The ballot's seal context, as a tablet reads it; every ballot sealed (on all cores), then checked as the service would. */
    static Sealing prepare(RemoteClient c, RemotePlenary p, List<Map<String, String>> marks) throws Exception {
        JsonNode seal = c.send("GET", "/api/v1/ballots/" + p.ballotId() + "/seal", p.deputies().get(0), null, Map.of()).ok();
        Context ctx = new Context(SealedBoard.readCeremony(seal.get("ceremony")), p.ballotId(), SealedBoard.readLayout(seal.get("layout")));
        if (!ctx.hashHex().equals(seal.get("contextHash").asText())) {
            throw new IllegalStateException("the context hash differs from the service's");
        }
        int n = marks.size();
        long start = System.nanoTime();
        SecureRandom random = new SecureRandom();
        SealedBallot[] ballots = new SealedBallot[n];
        IntStream.range(0, n).parallel().forEach(i -> ballots[i] = SealedBallot.seal(ctx, "cast-" + UUID.randomUUID(), marks.get(i), random));
        double sealS = (System.nanoTime() - start) / 1e9;
        List<String> hex = new ArrayList<>(n);
        List<String> trackers = new ArrayList<>(n);
        for (SealedBallot b : ballots) {
            byte[] e = b.encode();
            hex.add(HEX.formatHex(e));
            trackers.add(b.tracker());
        }
        Sealing s = new Sealing(ctx, hex, trackers, marks);
        System.out.printf("  sealed %d ballots before the clock (%d items, FOR %d..%d, %.1f KB each): %.1f s on %d cores%n", n,
                ctx.layout().items().size(), ctx.layout().minFor(), ctx.layout().maxFor(), hex.get(0).length() / 2048.0, sealS,
                Runtime.getRuntime().availableProcessors());
        s.measureVerify();
        return s;
    }

    /**
     * What the service spends on each sealed ballot's proofs, measured here on the same ballots and the same code
     * ({@code SealedBallot.decode} + {@code verify}), one thread, warm: thread CPU per ballot.
     */
    void measureVerify() {
        int m = Math.min(hex.size(), 100);
        List<byte[]> bytes = hex.subList(0, m).stream().map(HEX::parseHex).toList();
        for (int round = 0; round < 3; round++) { // warm-up: the JIT compiles decode and verify
            bytes.forEach(b -> SealedBallot.decode(ctx, b).verify(ctx));
        }
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int round = 0; round < 2; round++) {
            bytes.forEach(b -> SealedBallot.decode(ctx, b));
        }
        double decodeMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / (2 * m);
        cpu = THREADS.getCurrentThreadCpuTime();
        for (int round = 0; round < 2; round++) {
            bytes.forEach(b -> SealedBallot.decode(ctx, b).verify(ctx));
        }
        double bothMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / (2 * m);
        System.out.printf("  proof verification, warm, one thread (%d ballots x 2): decode %.3f ms + verify %.3f ms = %.3f ms CPU per ballot"
                + " (%.0f ballots/s per core)%n", m, decodeMs, bothMs - decodeMs, bothMs, 1000 / bothMs);
    }

    /**
     * After close (AWAITING_DECRYPTION): the board, two trustees' partial decryptions (each device's computation timed
     * apart from the service's answer), the counts compared with the marks sent, nothing lost. Returns close → result
     * in computation: the service's time plus the trustees' (the human step between them excluded).
     */
    double decrypt(RemoteClient c, RemotePlenary p, BenchTrustees trustees, JsonNode closed, double closeMs, String[] receipts)
            throws Exception {
        if (!closed.get("status").asText().equals("AWAITING_DECRYPTION")) {
            throw new IllegalStateException("a sealed ballot closed as " + closed.get("status"));
        }
        long start = System.nanoTime();
        JsonNode board = c.send("GET", "/api/v1/ballots/" + p.ballotId() + "/sealed-board", p.secretariat(), null, Map.of()).ok();
        double boardMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        EncryptedTotals totals = SealedBoard.readTotals(board.get("totals"));
        double readMs = (System.nanoTime() - start) / 1e6;
        BenchTrustees.Step first = trustees.decrypt(c, ctx, p.ballotId(), totals, 0);
        BenchTrustees.Step second = trustees.decrypt(c, ctx, p.ballotId(), totals, 1);
        if (!second.status().equals("COUNTED")) {
            throw new IllegalStateException("two of three decrypted, still " + second.status());
        }
        double service = closeMs + first.postMs() + second.postMs();
        double devices = readMs + first.computeMs() + second.computeMs();
        System.out.printf("  close -> AWAITING_DECRYPTION %.0f ms (service: encrypted totals of %d ballots); board %.0f ms (%.1f MB);"
                + " trustee %d computes %.0f ms (CPU %.0f ms), its post %.0f ms; trustee %d computes %.0f ms (CPU %.0f ms), its post"
                + " (verify, combine, tally) %.0f ms%n", closeMs, totals.ballots(), boardMs, board.toString().length() / 1e6,
                first.trustee(), first.computeMs(), first.computeCpuMs(), first.postMs(), second.trustee(), second.computeMs(),
                second.computeCpuMs(), second.postMs());
        System.out.printf("  close -> result in computation: service %.0f ms + trustees' devices %.0f ms = %.0f ms"
                + " (the board's download %.0f ms and the human step apart)%n", service, devices, service + devices, boardMs);
        // auditors and deputies read the board at once after the count: it must not take the heap with it
        int readers = 8;
        start = System.nanoTime();
        List<CompletableFuture<RemoteClient.Reply>> reads = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            reads.add(c.sendAsync("GET", "/api/v1/ballots/" + p.ballotId() + "/sealed-board", null, null, Map.of()));
        }
        int whole = 0;
        for (CompletableFuture<RemoteClient.Reply> r : reads) {
            RemoteClient.Reply reply = r.get();
            whole += reply.status() == 200 && reply.body().get("ballots").size() == board.get("ballots").size() ? 1 : 0;
        }
        System.out.printf("  the board read by %d at once: %d of %d whole, in %.0f ms%n", readers, whole, readers,
                (System.nanoTime() - start) / 1e6);
        // the decrypted counts are the generator's own marks (of the casts acknowledged), item by item
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < receipts.length; i++) {
            if (receipts[i] != null) {
                marks.get(i).keySet().forEach(id -> expected.merge(id, 1, Integer::sum));
            }
        }
        int wrong = 0;
        for (JsonNode item : second.answer().get("figures").get("items")) {
            if (item.get("forCount").asInt() != expected.getOrDefault(item.get("itemId").asText(), 0)) {
                wrong++;
            }
        }
        List<String> onBoard = new ArrayList<>();
        board.get("ballots").forEach(b -> onBoard.add(b.get("tracker").asText()));
        System.out.println("  " + PlenaryBurst.nothingLost(onBoard, receipts, trackers) + "; decrypted counts = marks sent: "
                + (wrong == 0 ? "yes" : "NO (" + wrong + " items differ)"));
        return service + devices;
    }
}
