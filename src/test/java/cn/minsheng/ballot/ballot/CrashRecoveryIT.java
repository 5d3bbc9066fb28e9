package cn.minsheng.ballot.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minsheng.ballot.support.RemoteClient;
import cn.minsheng.ballot.support.RemotePlenary;
import cn.minsheng.ballot.support.ServiceProcess;

/**
 * The packaged service as a separate process, 300 deputies casting, the process killed with
 * SIGKILL mid-burst, restarted, the vote finished with the tablets' retries (same Idempotency-Key):
 * every acknowledged receipt is on the board, nothing counts twice, counts equal participation.
 */
class CrashRecoveryIT {

    private static final String DATABASE = "minsheng_crash";
    private static final int PORT = 18181;
    private static final int DEPUTIES = 300;

    @Test
    void aKilledServiceLosesNoAcknowledgedCast() throws Exception {
        ServiceProcess.ensureDatabase(DATABASE);
        Path keys = ServiceProcess.newKeyPair();
        Map<String, String> env = Map.of("QUARKUS_LOG_LEVEL", "WARN");
        ServiceProcess first = ServiceProcess.start(PORT, DATABASE, keys, env);
        RemoteClient setup = new RemoteClient(first.base(), 4);
        RemotePlenary p = RemotePlenary.setUp(setup, setup.login(null, "admin", "bench-admin-password"), DEPUTIES);

        List<Map<String, Object>> bodies = new ArrayList<>();
        List<String> keysOf = new ArrayList<>();
        for (int i = 0; i < DEPUTIES; i++) {
            List<String> picks = new ArrayList<>(p.items());
            Collections.shuffle(picks, new java.util.Random(i));
            bodies.add(Map.of("marks", picks.subList(0, 1 + i % 10).stream().map(id -> Map.of("itemId", id, "choice", "FOR")).toList()));
            keysOf.add(UUID.randomUUID().toString());
        }
        Map<Integer, String> receipts = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        Semaphore inFlight = new Semaphore(16);
        RemoteClient tablets = new RemoteClient(first.base(), 4);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < DEPUTIES; i++) {
            int deputy = i;
            inFlight.acquire();
            if (acknowledged.get() >= DEPUTIES / 3 && first.isAlive()) {
                first.kill(); // SIGKILL, mid-burst: casts in flight get no answer
            }
            pending.add(tablets.sendAsync("POST", "/api/v1/ballots/" + p.ballotId() + "/votes", p.deputies().get(deputy),
                    bodies.get(deputy), Map.of("Idempotency-Key", keysOf.get(deputy))).whenComplete((r, e) -> {
                        if (e == null && r.status() == 201) {
                            receipts.put(deputy, r.body().get("tracker").asText());
                            acknowledged.incrementAndGet();
                        }
                        inFlight.release();
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(2, TimeUnit.MINUTES);
        first.awaitExit();
        Map<Integer, String> beforeCrash = Map.copyOf(receipts);
        assertTrue(beforeCrash.size() >= DEPUTIES / 3 && beforeCrash.size() < DEPUTIES,
                "the crash came mid-burst: " + beforeCrash.size() + " acknowledged");

        try (ServiceProcess second = ServiceProcess.start(PORT, DATABASE, keys, env)) {
            RemoteClient retry = new RemoteClient(second.base(), 4);
            for (int deputy = 0; deputy < DEPUTIES; deputy++) {
                RemoteClient.Reply r = retry.send("POST", "/api/v1/ballots/" + p.ballotId() + "/votes", p.deputies().get(deputy),
                        bodies.get(deputy), Map.of("Idempotency-Key", keysOf.get(deputy)));
                assertTrue(r.status() == 201 || r.status() == 200, deputy + ": " + r.status() + " " + r.body());
                String tracker = r.body().get("tracker").asText();
                String earlier = beforeCrash.get(deputy);
                if (earlier != null) {
                    assertEquals(earlier, tracker, "a retry after the crash returns the first receipt");
                    assertEquals(200, r.status());
                }
                receipts.put(deputy, tracker);
            }
            JsonNode turnout = retry.send("GET", "/api/v1/ballots/" + p.ballotId() + "/turnout", p.secretariat(), null, Map.of()).ok();
            assertEquals(DEPUTIES, turnout.get("cast").asInt());
            JsonNode result = retry.post("/api/v1/ballots/" + p.ballotId() + "/close", p.secretariat(), null);
            assertEquals(DEPUTIES, result.get("figures").get("returned").asInt());
            JsonNode board = retry.send("GET", "/api/v1/ballots/" + p.ballotId() + "/board", null, null, Map.of()).ok();
            Set<String> onBoard = new HashSet<>();
            board.get("entries").forEach(e -> onBoard.add(e.get("tracker").asText()));
            assertEquals(DEPUTIES, board.get("entries").size(), "nothing counted twice");
            assertEquals(new HashSet<>(receipts.values()), onBoard, "every receipt is on the board");
            assertTrue(onBoard.containsAll(beforeCrash.values()), "every receipt acknowledged before the crash survived it");
            int marks = 0;
            for (JsonNode item : result.get("figures").get("items")) {
                marks += item.get("forCount").asInt();
            }
            int expected = 0;
            for (int i = 0; i < DEPUTIES; i++) {
                expected += 1 + i % 10;
            }
            assertEquals(expected, marks, "the counts are exactly the marks of the participants' ballots");
        }
    }
}
