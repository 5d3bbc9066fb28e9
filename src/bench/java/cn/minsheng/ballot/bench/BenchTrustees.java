package cn.minsheng.ballot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minsheng.ballot.seal.Ceremony;
import cn.minsheng.ballot.seal.Context;
import cn.minsheng.ballot.seal.EncryptedShare;
import cn.minsheng.ballot.seal.EncryptedTotals;
import cn.minsheng.ballot.seal.PartialDecryption;
import cn.minsheng.ballot.seal.Trustee;
import cn.minsheng.ballot.seal.TrusteeKey;
import cn.minsheng.ballot.seal.TrusteePublic;
import cn.minsheng.ballot.support.RemoteClient;
import cn.minsheng.ballot.verifier.SealedBoard;

/**
 * The scrutineers' devices of the burst, played by the bench with the service's own {@code seal}
 * code: three scrutineer accounts hold the key ceremony (k = 2) through the real API before the
 * ballot opens, and after close two of them decrypt the totals. Every step a device computes is
 * timed apart from the service's answer, so close → result can be split into the service's time
 * and the trustees' computation (the human step, in a county between the two, is not timed).
 */
final class BenchTrustees {

    static final int N = 3;
    static final int K = 2;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One scrutineer's device. */
    static final class Device {
        final String token;
        int index;
        Trustee trustee;
        TrusteePublic pub;
        TrusteeKey key;

        Device(String token) {
            this.token = token;
        }
    }

    final List<Device> devices = new ArrayList<>();
    String sessionId;
    double ceremonyMs;

    /** The key ceremony, run between the session's opening and its ballot's (a {@code RemotePlenary.BeforeOpen}). */
    void ceremony(RemoteClient c, String admin, String congressId, String code, String sessionId, String secretariat) throws Exception {
        long start = System.nanoTime();
        this.sessionId = sessionId;
        for (int i = 1; i <= N; i++) {
            c.post("/api/v1/congresses/" + congressId + "/accounts", admin, Map.of("username", "scr" + i, "password",
                    "bench-password-1", "role", "scrutineer"));
            devices.add(new Device(c.login(code, "scr" + i, "bench-password-1")));
        }
        String path = "/api/v1/sessions/" + sessionId + "/ceremony";
        c.post(path, devices.get(0).token, Map.of("k", K));
        for (Device d : devices) {
            JsonNode view = c.send("GET", path, d.token, null, Map.of()).ok();
            d.index = view.get("you").asInt();
            Ceremony params = new Ceremony(view.get("id").asText(), view.get("k").asInt(), view.get("n").asInt(), List.of());
            d.trustee = Trustee.create(params, d.index, RANDOM);
            d.pub = d.trustee.publish(RANDOM);
            c.send("PUT", path + "/key", d.token, Map.of("commsKey", SealedBoard.point(d.pub.commsKey()), "commsProof",
                    proof(d.pub.commsProof())), Map.of()).ok();
        }
        for (Device d : devices) {
            Ceremony keys = SealedBoard.readCeremony(c.send("GET", path, d.token, null, Map.of()).ok().get("record"));
            List<Map<String, Object>> shares = new ArrayList<>();
            for (Device other : devices) {
                if (other != d) {
                    EncryptedShare s = d.trustee.shareFor(keys, other.index, RANDOM);
                    shares.add(Map.of("sender", d.index, "recipient", other.index, "ephemeral", SealedBoard.point(s.ephemeral()),
                            "box", HEX.formatHex(s.box())));
                }
            }
            c.send("PUT", path + "/commitments", d.token, Map.of("commitments", d.pub.commitments().stream().map(SealedBoard::point)
                    .toList(), "coefficientProofs", d.pub.coefficientProofs().stream().map(BenchTrustees::proof).toList(),
                    "shares", shares), Map.of()).ok();
        }
        for (Device d : devices) {
            Ceremony record = SealedBoard.readCeremony(c.send("GET", path, d.token, null, Map.of()).ok().get("record")).verified();
            List<EncryptedShare> received = new ArrayList<>();
            for (JsonNode s : c.send("GET", path + "/shares", d.token, null, Map.of()).ok()) {
                received.add(new EncryptedShare(s.get("sender").asInt(), s.get("recipient").asInt(),
                        SealedBoard.readPoint(s.get("ephemeral")), HEX.parseHex(s.get("box").asText())));
            }
            d.key = d.trustee.finish(record, received);
            c.post(path + "/done", d.token, Map.of());
        }
        String status = c.send("GET", path, secretariat, null, Map.of()).ok().get("status").asText();
        if (!status.equals("DONE")) {
            throw new IllegalStateException("the key ceremony did not finish: " + status);
        }
        ceremonyMs = (System.nanoTime() - start) / 1e6;
    }

    /** What one trustee's partial decryption cost: the device's computation, and the service's answer to its post. */
    record Step(int trustee, double computeMs, double computeCpuMs, double postMs, String status, JsonNode answer) {
    }

    /** Trustee {@code device} computes its partial decryption of the totals and posts it. */
    Step decrypt(RemoteClient c, Context ctx, String ballotId, EncryptedTotals totals, int device) throws Exception {
        Device d = devices.get(device);
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        PartialDecryption p = PartialDecryption.of(ctx, d.key, totals, RANDOM);
        Map<?, ?> body = Map.of("shares", RemoteClient.JSON.convertValue(SealedBoard.partial(p).get("shares"), List.class));
        double computeMs = (System.nanoTime() - start) / 1e6;
        double computeCpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
        long posted = System.nanoTime();
        JsonNode answer = c.send("POST", "/api/v1/ballots/" + ballotId + "/partial-decryptions", d.token, body, Map.of()).ok();
        double postMs = (System.nanoTime() - posted) / 1e6;
        return new Step(d.index, computeMs, computeCpuMs, postMs, answer.get("status").asText(), answer);
    }

    private static Map<String, String> proof(cn.minsheng.ballot.seal.DlogProof p) {
        return Map.of("c", SealedBoard.scalar(p.c()), "v", SealedBoard.scalar(p.v()));
    }
}
