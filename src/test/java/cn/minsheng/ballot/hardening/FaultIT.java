package cn.minsheng.ballot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minsheng.ballot.support.RemoteClient;
import cn.minsheng.ballot.support.RemotePlenary;
import cn.minsheng.ballot.support.ServiceProcess;

/**
 * Issue 17's fault campaign, in CI: the packaged service while its PostgreSQL (a second cluster
 * this test creates on its own port, never the shared one) restarts and stops mid-burst; killed
 * with SIGKILL during close; with its pool exhausted. Each time: every acknowledged receipt is on
 * the board exactly once, turnout equals the acknowledged casts, and every error answered is
 * problem+json (503 with Retry-After for the database).
 */
class FaultIT {

    private static final String PG_VERSION = "15";
    private static final String CLUSTER = "minsheng_fault";
    private static final int PG_PORT = 55439;
    private static final int DEPUTIES = 120;

    /** One tablet per deputy: sends its ballot with its key until it has an answer that is not "try again". */
    static final class Tablets {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final String base;
        final RemotePlenary plenary;
        final List<String> keys = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();
        final Map<Integer, String> receipts = new ConcurrentHashMap<>();
        final AtomicInteger acknowledged = new AtomicInteger();
        final List<String> badErrors = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger unavailable = new AtomicInteger();
        /** Tablets of deputies below this number may start casting; a fault test releases the rest in waves. */
        volatile int released = Integer.MAX_VALUE;

        Tablets(String base, RemotePlenary plenary) throws Exception {
            this.base = base;
            this.plenary = plenary;
            for (int i = 0; i < plenary.deputies().size(); i++) {
                List<String> picks = new ArrayList<>(plenary.items());
                Collections.shuffle(picks, new java.util.Random(i));
                bodies.add(RemoteClient.JSON.writeValueAsString(Map.of("marks", picks.subList(0, 1 + i % 10).stream()
                        .map(id -> Map.of("itemId", id, "choice", "FOR")).toList())));
                keys.add(UUID.randomUUID().toString());
            }
        }

        /** Casts for one deputy until acknowledged; gives up after the deadline. */
        void cast(int deputy, long deadlineNanos) {
            while (deputy >= released && System.nanoTime() < deadlineNanos) {
                sleep(20);
            }
            while (System.nanoTime() < deadlineNanos) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ballots/"
                            + plenary.ballotId() + "/votes")).timeout(Duration.ofSeconds(20))
                            .header("Authorization", "Bearer " + plenary.deputies().get(deputy))
                            .header("Content-Type", "application/json").header("Idempotency-Key", keys.get(deputy))
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(deputy))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 || r.statusCode() == 201) {
                        String tracker = RemoteClient.JSON.readTree(r.body()).get("tracker").asText();
                        String earlier = receipts.putIfAbsent(deputy, tracker);
                        if (earlier == null) {
                            acknowledged.incrementAndGet();
                        } else if (!earlier.equals(tracker)) {
                            badErrors.add(deputy + ": a retry got another tracker");
                        }
                        return;
                    }
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    if (!type.startsWith("application/problem+json")) {
                        badErrors.add(deputy + ": " + r.statusCode() + " " + type + " " + r.body());
                    }
                    if (r.statusCode() == 503) {
                        unavailable.incrementAndGet();
                        if (r.headers().firstValue("Retry-After").isEmpty()) {
                            badErrors.add(deputy + ": 503 without Retry-After");
                        }
                    } else if (r.statusCode() != 429) {
                        badErrors.add(deputy + ": refused " + r.statusCode() + " " + r.body());
                        return;
                    }
                } catch (Exception noAnswer) {
                    // connection refused or cut: the tablet tries again with the same key
                }
                sleep(300);
            }
        }

        /** Every deputy casts, {@code parallel} at a time; {@code during} is told how many were acknowledged so far. */
        void burst(int parallel, IntConsumer during) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < plenary.deputies().size(); i++) {
                int deputy = i;
                all.add(pool.submit(() -> cast(deputy, deadline)));
            }
            while (all.stream().anyMatch(f -> !f.isDone())) {
                during.accept(acknowledged.get());
                Thread.sleep(20);
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }

        /** The checks every fault ends with, after the ballot was closed. */
        void verify(RemoteClient client) throws Exception {
            assertEquals(List.of(), badErrors, "every error is problem+json, 503 with Retry-After");
            assertEquals(plenary.deputies().size(), acknowledged.get(), "every tablet got its receipt in the end");
            JsonNode turnout = client.send("GET", "/api/v1/ballots/" + plenary.ballotId() + "/turnout", plenary.secretariat(), null,
                    Map.of()).ok();
            assertEquals(acknowledged.get(), turnout.get("cast").asInt(), "turnout equals the acknowledged casts");
            JsonNode board = client.send("GET", "/api/v1/ballots/" + plenary.ballotId() + "/board", null, null, Map.of()).ok();
            List<String> onBoard = new ArrayList<>();
            board.get("entries").forEach(e -> onBoard.add(e.get("tracker").asText()));
            assertEquals(acknowledged.get(), onBoard.size(), "nothing counted twice, nothing lost");
            Set<String> unique = new HashSet<>(onBoard);
            assertEquals(onBoard.size(), unique.size());
            assertEquals(new HashSet<>(receipts.values()), unique, "every acknowledged receipt is on the board exactly once");
        }
    }

    @Test
    void theDatabaseRestartedAndStoppedMidBurst() throws Exception {
        SecondCluster pg = SecondCluster.create();
        try {
            Map<String, String> env = Map.of("QUARKUS_LOG_LEVEL", "WARN", "QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/minsheng_fault");
            try (ServiceProcess service = ServiceProcess.start(18195, "minsheng_fault", ServiceProcess.newKeyPair(), env)) {
                RemoteClient client = new RemoteClient(service.base(), 4);
                RemotePlenary p = RemotePlenary.setUp(client, client.login(null, "admin", "bench-admin-password"), DEPUTIES);
                Tablets tablets = new Tablets(service.base(), p);
                // three waves, so that each fault meets tablets still casting: the second wave starts as the
                // restart begins, the third only once the database is down
                tablets.released = DEPUTIES / 3;
                AtomicInteger step = new AtomicInteger();
                tablets.burst(16, acknowledged -> {
                    try {
                        if (step.get() == 0 && acknowledged >= DEPUTIES / 6) {
                            step.set(1);
                            tablets.released = 2 * DEPUTIES / 3;
                            pg.ctl("restart", "-m", "fast"); // every connection of the pool breaks at once
                        } else if (step.get() == 1 && acknowledged >= DEPUTIES / 2) {
                            step.set(2);
                            pg.ctl("stop", "-m", "fast");
                            tablets.released = DEPUTIES;
                            Thread.sleep(3000); // down for a while: tablets get 503 or no answer, and retry
                            pg.ctl("start");
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertEquals(2, step.get(), "both faults happened mid-burst");
                assertTrue(tablets.unavailable.get() > 0, "casts sent while the database was down were answered 503");
                client.send("POST", "/api/v1/ballots/" + p.ballotId() + "/close", p.secretariat(), null, Map.of()).ok();
                tablets.verify(client);
                assertTrue(readyAfter(service.base(), Duration.ofSeconds(20)), "ready again once the database is back");
            }
        } finally {
            pg.drop();
        }
    }

    @Test
    void theServiceKilledDuringClose() throws Exception {
        ServiceProcess.ensureDatabase("minsheng_fault_close");
        Path keys = ServiceProcess.newKeyPair();
        Map<String, String> env = Map.of("QUARKUS_LOG_LEVEL", "WARN");
        ServiceProcess first = ServiceProcess.start(18196, "minsheng_fault_close", keys, env);
        RemoteClient client = new RemoteClient(first.base(), 4);
        RemotePlenary p = RemotePlenary.setUp(client, client.login(null, "admin", "bench-admin-password"), DEPUTIES);
        Tablets tablets = new Tablets(first.base(), p);
        tablets.burst(16, acknowledged -> { });
        // close, and SIGKILL while the close is counting and rewriting
        var closing = client.sendAsync("POST", "/api/v1/ballots/" + p.ballotId() + "/close", p.secretariat(), null, Map.of());
        Thread.sleep(40);
        first.kill();
        first.awaitExit();
        closing.exceptionally(e -> null).get(30, TimeUnit.SECONDS);
        try (ServiceProcess second = ServiceProcess.start(18196, "minsheng_fault_close", keys, env)) {
            RemoteClient again = new RemoteClient(second.base(), 4);
            JsonNode ballot = again.send("GET", "/api/v1/ballots/" + p.ballotId(), p.secretariat(), null, Map.of()).ok();
            if (!"CLOSED".equals(ballot.get("status").asText())) {
                assertEquals("OPEN", ballot.get("status").asText(), "a close cut short is undone as a whole");
                again.send("POST", "/api/v1/ballots/" + p.ballotId() + "/close", p.secretariat(), null, Map.of()).ok();
            }
            JsonNode result = again.send("GET", "/api/v1/ballots/" + p.ballotId() + "/result", p.secretariat(), null, Map.of()).ok();
            assertEquals(DEPUTIES, result.get("figures").get("returned").asInt());
            tablets.verify(again);
            // a tablet whose answer was lost retries after the close: it learns its receipt (item 11)
            RemoteClient.Reply retry = again.send("POST", "/api/v1/ballots/" + p.ballotId() + "/votes", p.deputies().get(7),
                    RemoteClient.JSON.readTree(tablets.bodies.get(7)), Map.of("Idempotency-Key", tablets.keys.get(7)));
            assertEquals(200, retry.status(), String.valueOf(retry.body()));
            assertEquals(tablets.receipts.get(7), retry.body().get("tracker").asText());
        }
    }

    @Test
    void thePoolExhaustedDuringTheBurst() throws Exception {
        ServiceProcess.ensureDatabase("minsheng_fault_pool");
        Map<String, String> env = Map.of("QUARKUS_LOG_LEVEL", "WARN", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "8",
                "MINSHENG_CAST_ACCOUNT_LIMIT", "1000");
        try (ServiceProcess service = ServiceProcess.start(18197, "minsheng_fault_pool", ServiceProcess.newKeyPair(), env)) {
            RemoteClient client = new RemoteClient(service.base(), 4);
            RemotePlenary p = RemotePlenary.setUp(client, client.login(null, "admin", "bench-admin-password"), DEPUTIES);
            Tablets tablets = new Tablets(service.base(), p);
            AtomicInteger step = new AtomicInteger();
            AtomicInteger readyDuring = new AtomicInteger();
            try (java.sql.Connection blocker = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:5432/minsheng_fault_pool", "minsheng_owner", "minsheng_owner")) {
                tablets.burst(48, acknowledged -> {
                    try {
                        if (step.get() == 0 && acknowledged >= DEPUTIES / 4) {
                            step.set(1);
                            // the casts' own lock (V5), held exclusively as a slow close would: every cast now
                            // waits holding its pooled connection, the pool of 8 runs out, later requests queue
                            blocker.createStatement().execute("SELECT pg_advisory_lock(1836278895, hashtext('" + p.ballotId() + "'))");
                            Thread.sleep(5000);
                            if (ready(service.base())) {
                                readyDuring.set(1);
                            }
                            blocker.createStatement().execute("SELECT pg_advisory_unlock(1836278895, hashtext('" + p.ballotId() + "'))");
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            assertEquals(1, step.get());
            assertTrue(tablets.unavailable.get() > 0, "the pool ran out: some casts were answered 503");
            assertEquals(1, readyDuring.get(), "readiness reflects the database, not the pool's queue");
            client.send("POST", "/api/v1/ballots/" + p.ballotId() + "/close", p.secretariat(), null, Map.of()).ok();
            tablets.verify(client);
        }
    }

    static boolean ready(String base) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean readyAfter(String base, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready(base)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A PostgreSQL cluster of the test's own (pg_createcluster), with the service's roles and database. */
    record SecondCluster() {

        static SecondCluster create() throws Exception {
            run("pg_dropcluster", "--stop", PG_VERSION, CLUSTER); // a leftover of an earlier run, if any
            must("pg_createcluster", "-p", Integer.toString(PG_PORT), PG_VERSION, CLUSTER, "--", "--auth-host=scram-sha-256",
                    "--auth-local=peer");
            SecondCluster c = new SecondCluster();
            c.ctl("start");
            c.sql("CREATE ROLE minsheng_owner LOGIN PASSWORD 'minsheng_owner'");
            c.sql("CREATE ROLE minsheng_app LOGIN PASSWORD 'minsheng_app'");
            c.sql("CREATE DATABASE minsheng_fault OWNER minsheng_owner");
            must("runuser", "-u", "postgres", "--", "psql", "-p", Integer.toString(PG_PORT), "-d", "minsheng_fault", "-v",
                    "ON_ERROR_STOP=1", "-c", "REVOKE CREATE ON SCHEMA public FROM PUBLIC; GRANT CONNECT ON DATABASE minsheng_fault TO minsheng_app");
            return c;
        }

        void ctl(String action, String... options) throws Exception {
            List<String> command = new ArrayList<>(List.of("pg_ctlcluster", PG_VERSION, CLUSTER, action));
            if (options.length > 0) {
                command.add("--");
                command.addAll(List.of(options));
            }
            must(command.toArray(String[]::new));
        }

        void sql(String sql) throws Exception {
            must("runuser", "-u", "postgres", "--", "psql", "-p", Integer.toString(PG_PORT), "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                    "-c", sql);
        }

        void drop() throws Exception {
            run("pg_dropcluster", "--stop", PG_VERSION, CLUSTER);
        }

        private static int run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        }

        private static void must(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        }
    }
}
