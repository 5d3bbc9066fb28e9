package cn.minsheng.ballot.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;

import cn.minsheng.ballot.support.RemoteClient;
import cn.minsheng.ballot.support.RemotePlenary;
import cn.minsheng.ballot.support.ServiceProcess;

/**
 * A plenary's burst, measured: for each N, a congress of N deputies is set up through the real API
 * of the packaged service, every deputy logs in and checks in, a SECRET APPROVAL ballot over 15
 * candidates for 10 seats opens, and all N casts are fired at once over loopback; then the ballot
 * closes. Figures: casts/s, latency percentiles, errors, close-to-result time, the service's peak
 * RSS, and for comparison pgbench running the minimal cast transaction in raw SQL at the same
 * concurrency. Optionally S turnout subscribers follow the burst over SSE (delivery delay).
 *
 * Run: ./mvnw -Pbench -DskipTests package exec:exec -Dbench.main=cn.minsheng.ballot.bench.PlenaryBurst \
 *        -Dbench.args="200,1000,3000 64 3000"      (sizes, concurrency, SSE subscribers for the largest size)
 */
public final class PlenaryBurst {

    /** -Dbench.db=… (default minsheng_bench), created if missing */
    private static final String DATABASE = setting("bench.db", "minsheng_bench");
    /** -Dbench.port=… (default 18080), the service's HTTP port */
    private static final int PORT = Integer.parseInt(setting("bench.port", "18080"));
    private static final HexFormat HEX = HexFormat.of();

    private static String setting(String name, String otherwise) {
        String v = System.getProperty(name, "");
        return v.isBlank() ? otherwise : v.trim();
    }

    public static void main(String[] args) throws Exception {
        // the JDK's client keeps an idle connection 20 minutes, the service 30 s: a request sent on one the service is
        // closing that moment got no answer ("header parser received no bytes", once, on the close after a long burst)
        System.setProperty("jdk.httpclient.keepalive.timeout", "20");
        List<Integer> sizes = Arrays.stream((args.length > 0 ? args[0] : "200,1000,3000").split(",")).map(Integer::parseInt).toList();
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int subscribers = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        // 4th argument: "sealed" (the default: key ceremony, encrypted ballots with proofs, decryption by two of three
        // scrutineers) or "clear" (SECRET ballots in the clear, as before the sealed ballot box)
        boolean sealed = !(args.length > 3 && args[3].equals("clear"));
        if (args.length > 3 && !args[3].equals("clear") && !args[3].equals("sealed")) {
            throw new IllegalArgumentException("4th argument: sealed or clear, not " + args[3]);
        }
        ServiceProcess.ensureDatabase(DATABASE);
        System.out.printf("machine: %d cores, %s; service, PostgreSQL and load generator on one host; database %s, port %d; %s ballots%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), DATABASE, PORT,
                sealed ? "SEALED" : "clear");
        String header = "   N  conc  casts/s  p50 ms  p95 ms  p99 ms  max ms  errors  close->result ms  peak RSS MiB  SSE subs  SSE p99 ms";
        List<String> rows = new ArrayList<>();
        long launched = System.nanoTime();
        try (ServiceProcess service = ServiceProcess.start(PORT, DATABASE, serviceEnv())) {
            // with the warm-up (CastRehearsal, on by default) readiness waits for it
            System.out.printf("service ready %.1f s after launch%n", (System.nanoTime() - launched) / 1e9);
            RemoteClient client = new RemoteClient(service.base(), 8);
            String admin = client.login(null, "admin", "bench-admin-password");
            System.out.println(header);
            for (int n : sizes) {
                BenchTrustees trustees = sealed ? new BenchTrustees() : null;
                RemotePlenary p = RemotePlenary.setUp(client, admin, n, sealed ? trustees::ceremony : null);
                if (sealed) {
                    System.out.printf("  key ceremony of 3 scrutineers (k = 2) through the API: %.0f ms%n", trustees.ceremonyMs);
                }
                String row = burst(service, client, p, concurrency, n == sizes.get(sizes.size() - 1) ? subscribers : 0, trustees);
                System.out.println(row);
                rows.add(row);
            }
        }
        // the baseline runs with the service stopped, so both get the same database connections
        double tps = pgbench(concurrency);
        System.out.printf("pgbench, minimal cast transaction in raw SQL, %d clients: %.0f TPS%n", concurrency, tps);
        for (String row : rows) {
            String[] f = row.trim().split("\\s+");
            System.out.printf("N=%s: service casts/s / pgbench TPS = %.2f%n", f[0], Double.parseDouble(f[2]) / tps);
        }
        System.exit(0);
    }

    /**
     * -Dbench.jvm="…" passes JVM options to the service (the heap bound of its container, say);
     * -Dbench.jfr=true records a JFR profile of the service to target/burst.jfr.
     */
    private static Map<String, String> serviceEnv() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("QUARKUS_LOG_LEVEL", "WARN",
                "MINSHENG_WARMUP_ENABLED", "true")); // production's default, which ServiceProcess turns off for the tests
        // -Dbench.env="NAME=value,NAME=value": more settings for the service (MINSHENG_WARMUP_ENABLED=false, say)
        for (String kv : System.getProperty("bench.env", "").split(",")) {
            if (kv.contains("=")) {
                env.put(kv.substring(0, kv.indexOf('=')).trim(), kv.substring(kv.indexOf('=') + 1).trim());
            }
        }
        String pool = System.getProperty("bench.pool", "");
        if (!pool.isEmpty()) {
            env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", pool);
        }
        String jvm = System.getProperty("bench.jvm", "");
        if (Boolean.getBoolean("bench.jfr")) {
            jvm += " -XX:StartFlightRecording=filename=target/burst.jfr,settings=profile,dumponexit=true";
        }
        if (!jvm.isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", jvm.trim());
            System.out.println("service JVM options: " + jvm.trim());
        }
        return env;
    }

    private static String burst(ServiceProcess service, RemoteClient setup, RemotePlenary p, int concurrency, int subscribers,
            BenchTrustees trustees) throws Exception {
        int n = p.deputies().size();
        Turnout turnout = subscribers > 0 ? Turnout.follow(service.base(), p.ballotId(), p.secretariat(), subscribers) : null;
        // every request is built before the clock starts: the burst measures the service, not the generator
        Random random = new Random(n);
        List<Map<String, String>> chosen = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> picks = new ArrayList<>(p.items());
            Collections.shuffle(picks, random);
            Map<String, String> marks = new java.util.LinkedHashMap<>();
            picks.subList(0, 1 + random.nextInt(10)).forEach(id -> marks.put(id, "FOR"));
            chosen.add(marks);
        }
        Sealing sealing = trustees == null ? null : Sealing.prepare(setup, p, chosen);
        List<RequestOptions> requests = new ArrayList<>(n);
        List<Buffer> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            requests.add(new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/v1/ballots/" + p.ballotId() + "/votes")
                    .putHeader("Authorization", "Bearer " + p.deputies().get(i)).putHeader("Content-Type", "application/json")
                    .putHeader("Idempotency-Key", UUID.randomUUID().toString()));
            Object body = sealing != null ? Map.of("sealed", sealing.hex.get(i))
                    : Map.of("marks", chosen.get(i).keySet().stream().map(id -> Map.of("itemId", id, "choice", "FOR")).toList());
            bodies.add(Buffer.buffer(RemoteClient.JSON.writeValueAsBytes(body)));
        }
        long[] latencies = new long[n];
        long[] acked = new long[n + 1];
        String[] trackers = new String[n];
        AtomicInteger errors = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch all = new CountDownLatch(n);
        try (Lean client = new Lean(service.base(), concurrency)) {
            CpuTimes before = CpuTimes.read(service.pid());
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int index = i;
                inFlight.acquire();
                long sent = System.nanoTime();
                client.http.request(requests.get(i)).compose(r -> r.send(bodies.get(index)))
                        .compose(r -> r.body().map(b -> {
                            Matcher tracker = TRACKER.matcher(b.toString());
                            trackers[index] = tracker.find() ? tracker.group(1) : null;
                            if (r.statusCode() != 201) {
                                firstError.compareAndSet(null, r.statusCode() + " " + b);
                            }
                            return r.statusCode();
                        })).onComplete(r -> {
                            if (r.failed() || r.result() != 201) {
                                errors.incrementAndGet();
                                if (r.failed()) {
                                    firstError.compareAndSet(null, r.cause().toString());
                                }
                            } else {
                                long now = System.nanoTime();
                                latencies[index] = now - sent;
                                acked[done.incrementAndGet()] = now;
                            }
                            inFlight.release();
                            all.countDown();
                        });
            }
            all.await(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuTimes used = CpuTimes.read(service.pid()).minus(before);
            System.out.printf("  CPU during the burst of %d (%.2f s wall): service %.2f s, PostgreSQL %.2f s, load generator %.2f s;"
                    + " per cast %.2f / %.2f / %.2f ms%n", n, seconds, used.service(), used.postgres(), used.generator(),
                    used.service() * 1000 / n, used.postgres() * 1000 / n, used.generator() * 1000 / n);
            if (firstError.get() != null) {
                System.out.println("  first error: " + firstError.get());
            }
            double closeMs;
            long closeStart = System.nanoTime();
            JsonNode closed = setup.send("POST", "/api/v1/ballots/" + p.ballotId() + "/close", p.secretariat(), null, Map.of()).ok();
            closeMs = (System.nanoTime() - closeStart) / 1e6;
            if (turnout != null && done.get() > 0) {
                System.out.printf("  the close was sent %.0f ms after the last ack and answered %.0f ms after it%n",
                        (closeStart - acked[done.get()]) / 1e6, (closeStart - acked[done.get()]) / 1e6 + closeMs);
            }
            if (sealing == null) {
                System.out.println("  " + nothingLost(publicBoard(setup, p), trackers, null));
            } else {
                closeMs = sealing.decrypt(setup, p, trustees, closed, closeMs, trackers);
            }
            long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
            String sse = "       -           -";
            if (turnout != null) {
                sse = String.format("%8d  %10.1f", turnout.connected(), turnout.p99DelayMs(acked));
                System.out.println(turnout.spread(acked));
                turnout.close();
            }
            return String.format("%4d  %4d  %7.0f  %6.1f  %6.1f  %6.1f  %6.1f  %6d  %16.1f  %12d  %s", n, concurrency, n / seconds,
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                    errors.get(), closeMs, service.peakRssMiB(), sse);
        }
    }

    /**
     * The generator's HTTP client: Vert.x's, on one event loop of its own, keep-alive connections
     * up to the given number. It costs a fraction of what java.net.http did per request, so more of
     * the two cores go to the service and PostgreSQL.
     */
    static final class Lean implements AutoCloseable {
        final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        final HttpClient http;

        Lean(String base, int connections) {
            URI uri = URI.create(base);
            http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort())
                    .setKeepAlive(true).setMaxPoolSize(connections).setMaxWaitQueueSize(-1));
        }

        @Override
        public void close() throws Exception {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static final Pattern TRACKER = Pattern.compile("\"tracker\"\\s*:\\s*\"([0-9a-f]{64})\"");

    /** The trackers on the public board of a ballot in the clear. */
    private static List<String> publicBoard(RemoteClient setup, RemotePlenary p) throws Exception {
        List<String> out = new ArrayList<>();
        setup.send("GET", "/api/v1/ballots/" + p.ballotId() + "/board", null, null, Map.of()).ok().get("entries")
                .forEach(e -> out.add(e.get("tracker").asText()));
        return out;
    }

    /**
     * After close: every receipt the burst was given is on the board exactly once, and the board holds nothing else;
     * for sealed ballots also each receipt is the tracker of the very ballot the generator sent ({@code expected}).
     */
    static String nothingLost(List<String> board, String[] trackers, List<String> expected) {
        List<String> receipts = Arrays.stream(trackers).filter(java.util.Objects::nonNull).toList();
        Map<String, Integer> onBoard = new java.util.HashMap<>();
        board.forEach(t -> onBoard.merge(t, 1, Integer::sum));
        long missing = receipts.stream().filter(t -> !onBoard.containsKey(t)).count();
        long twice = onBoard.values().stream().filter(c -> c > 1).count();
        java.util.Set<String> given = new java.util.HashSet<>(receipts);
        long unknown = onBoard.keySet().stream().filter(t -> !given.contains(t)).count();
        long wrong = 0;
        if (expected != null) {
            for (int i = 0; i < trackers.length; i++) {
                if (trackers[i] != null && !trackers[i].equals(expected.get(i))) {
                    wrong++;
                }
            }
        }
        boolean ok = missing == 0 && twice == 0 && unknown == 0 && wrong == 0 && receipts.size() == trackers.length;
        return String.format("nothing lost: %s (%d receipts, %d on the board; missing %d, twice %d, not a receipt %d%s)",
                ok ? "yes" : "NO", receipts.size(), onBoard.size(), missing, twice, unknown,
                expected == null ? "" : ", receipt not the sent ballot's tracker " + wrong);
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** CPU seconds (user + system) of the service, all PostgreSQL processes, and this load generator, from /proc. */
    record CpuTimes(double service, double postgres, double generator) {

        static final double TICK = 100.0;

        static CpuTimes read(long servicePid) throws Exception {
            return new CpuTimes(ticks(Path.of("/proc/" + servicePid)) / TICK, postgresNow(), ticks(Path.of("/proc/self")) / TICK);
        }

        /** CPU seconds of all PostgreSQL processes now running. */
        static double postgresNow() throws Exception {
            double pg = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        if (Files.readString(proc.resolve("comm")).trim().equals("postgres")) {
                            pg += ticks(proc);
                        }
                    } catch (Exception gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return pg / TICK;
        }

        static double ticks(Path proc) throws Exception {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Double.parseDouble(f[11]) + Double.parseDouble(f[12]);
        }

        CpuTimes minus(CpuTimes o) {
            return new CpuTimes(service - o.service, postgres - o.postgres, generator - o.generator);
        }
    }

    /** pgbench with the minimal cast: insert the participation row, insert the content row, commit. */
    private static double pgbench(int clients) throws Exception {
        ServiceProcess.psql(DATABASE, """
                DROP TABLE IF EXISTS bench_participation, bench_content;
                CREATE TABLE bench_participation (ballot_id uuid, deputy bigint, cast_at timestamptz, PRIMARY KEY (ballot_id, deputy));
                CREATE TABLE bench_content (id uuid PRIMARY KEY, ballot_id uuid, tracker varchar(64), marks text)""");
        Path script = Files.createTempFile("cast", ".sql");
        Files.writeString(script, """
                \\set deputy random(1, 1000000000000)
                BEGIN;
                INSERT INTO bench_participation VALUES ('00000000-0000-0000-0000-000000000001', :deputy, now()) ON CONFLICT DO NOTHING;
                INSERT INTO bench_content VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', md5(random()::text) || md5(random()::text), 'a:FOR,b:FOR,c:FOR,d:FOR,e:FOR');
                COMMIT;
                """);
        Process p = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n", "-c", Integer.toString(clients), "-j", "2",
                "-T", "10", "-f", script.toString(), DATABASE).redirectErrorStream(true).start();
        // CPU from second 2 to second 8 of the run, while its connections (and their backends) live
        Thread.sleep(2000);
        double pg = CpuTimes.postgresNow();
        double client = CpuTimes.ticks(Path.of("/proc/" + p.pid())) / CpuTimes.TICK;
        Thread.sleep(6000);
        pg = CpuTimes.postgresNow() - pg;
        client = CpuTimes.ticks(Path.of("/proc/" + p.pid())) / CpuTimes.TICK - client;
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        double tps = Double.parseDouble(m.group(1));
        System.out.printf("pgbench CPU per transaction (seconds 2-8): PostgreSQL %.3f ms, pgbench %.3f ms%n", pg * 1000 / (tps * 6),
                client * 1000 / (tps * 6));
        return tps;
    }

    /** S subscribers on the turnout stream; each event's delay is measured from the ack of the cast that made its count. */
    static final class Turnout implements AutoCloseable {

        private static final Pattern CAST = Pattern.compile("\"cast\":(\\d+)");
        private final Map<Integer, List<Long>> received = new ConcurrentHashMap<>();
        private final AtomicInteger connected = new AtomicInteger();
        private final Lean client;

        private Turnout(Lean client) {
            this.client = client;
        }

        static Turnout follow(String base, String ballotId, String token, int subscribers) throws Exception {
            Turnout t = new Turnout(new Lean(base, subscribers));
            RequestOptions stream = new RequestOptions().setMethod(HttpMethod.GET).setURI("/api/v1/ballots/" + ballotId + "/turnout/stream")
                    .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "text/event-stream");
            CountDownLatch ready = new CountDownLatch(subscribers);
            for (int i = 0; i < subscribers; i++) {
                t.client.http.request(stream).compose(HttpClientRequest::send).onComplete(r -> {
                    if (r.succeeded() && r.result().statusCode() == 200) {
                        t.connected.incrementAndGet();
                        Set<Integer> seen = new HashSet<>(); // this subscriber's counts: only its first sight of each is a delivery
                        r.result().handler(RecordParser.newDelimited("\n", line -> t.read(line, seen)));
                    }
                    ready.countDown();
                });
            }
            ready.await(2, TimeUnit.MINUTES);
            return t;
        }

        /**
         * A count is delivered when a subscriber first sees it. Later events repeat the count (the close, the
         * decryption, an attendance change): counted as deliveries, they measured the close, not the stream.
         */
        private void read(Buffer line, Set<Integer> seen) {
            Matcher m = CAST.matcher(line.toString(StandardCharsets.UTF_8));
            if (m.find() && seen.add(Integer.parseInt(m.group(1)))) {
                received.computeIfAbsent(Integer.parseInt(m.group(1)), k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(System.nanoTime());
            }
        }

        int connected() {
            return connected.get();
        }

        double p99DelayMs(long[] ackedAt) {
            List<Double> delays = delays(ackedAt);
            return delays.isEmpty() ? Double.NaN : delays.get(Math.min(delays.size() - 1, (int) Math.ceil(0.99 * delays.size()) - 1));
        }

        /** The delivery delays' spread, and the counts each subscriber saw: is the tail a few late events, or all of them? */
        String spread(long[] ackedAt) {
            List<Double> d = delays(ackedAt);
            if (d.isEmpty()) {
                return "  SSE delivery: nothing delivered";
            }
            java.util.function.IntFunction<Double> at = q -> d.get(Math.min(d.size() - 1, (int) Math.ceil(q / 100.0 * d.size()) - 1));
            int latest = received.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            return String.format("  SSE delivery: p50 %.0f, p90 %.0f, p99 %.0f, max %.0f ms over %d deliveries (%d counts shown, %.1f per subscriber);"
                    + " the last count (%d) %s", at.apply(50), at.apply(90), at.apply(99), d.get(d.size() - 1), d.size(), received.size(),
                    d.size() / (double) Math.max(1, connected.get()), latest, latest > 0 && latest < ackedAt.length && ackedAt[latest] > 0
                            ? String.format("reached the first subscriber %.0f ms and the last %.0f ms after its ack",
                                    (received.get(latest).stream().mapToLong(Long::longValue).min().getAsLong() - ackedAt[latest]) / 1e6,
                                    (received.get(latest).stream().mapToLong(Long::longValue).max().getAsLong() - ackedAt[latest]) / 1e6)
                            : "was not acknowledged");
        }

        private List<Double> delays(long[] ackedAt) {
            List<Double> delays = new ArrayList<>();
            received.forEach((count, times) -> {
                if (count > 0 && count < ackedAt.length && ackedAt[count] > 0) {
                    times.forEach(t -> delays.add(Math.max(0, t - ackedAt[count]) / 1e6));
                }
            });
            Collections.sort(delays);
            return delays;
        }

        @Override
        public void close() throws Exception {
            client.close();
        }
    }
}
