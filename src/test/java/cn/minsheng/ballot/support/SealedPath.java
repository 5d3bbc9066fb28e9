package cn.minsheng.ballot.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import cn.minsheng.ballot.seal.Ceremony;
import cn.minsheng.ballot.seal.Context;
import cn.minsheng.ballot.seal.SealedBallot;
import cn.minsheng.ballot.seal.TabletCheats;
import cn.minsheng.ballot.verifier.SealedBoard;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * The sealed path for the counting-rule tests (issue 19: "the existing counting-rule tests keep
 * passing through the sealed path"). Switched on per test by a sealed variant ({@link SealedVariant}),
 * it makes the unchanged tests run every SECRET ballot sealed, the way the pages would:
 * <ul>
 * <li>{@link Api#hall} has the session's scrutineers (its two) hold an honest key ceremony through the API
 * right after they are made, so every SECRET ballot the session opens is sealed (k = 2 of 2);</li>
 * <li>every {@code castVote} with {@code marks} on a sealed ballot is sealed on the test side, as the tablet
 * does: the ballot's seal context fetched with the caster's token (its context hash recomputed), the marks
 * encrypted and proven under a fresh random cast id, and sent as {@code {"sealed": …}}. A retry under the
 * same Idempotency-Key with the same marks sends the very same encoding (the tablet keeps it), so the
 * service's idempotency is exercised as in the clear; other marks under that key make another encoding;</li>
 * <li>every {@code closeBallot} that leaves a sealed ballot AWAITING_DECRYPTION is followed by the k
 * scrutineers' devices each posting a partial decryption with proofs; the caller gets the k-th answer
 * (the counted result) in place of the close's, so the test's assertions on the count apply unchanged.</li>
 * </ul>
 * NAMED ballots, and sessions made without {@link Api#hall}, stay in the clear. Marks the rules forbid
 * cannot be sealed honestly: too many or too few FOR marks are sealed with proofs that fail (422
 * SEALED_BALLOT_INVALID, {@link TabletCheats}); an item or choice outside the ballot cannot be encoded
 * at all and is sent in the clear (400 SEALED_BALLOT_REQUIRED). {@link #refused} is the one place that
 * maps a clear refusal to its sealed one.
 */
public final class SealedPath implements Filter {

    private static final SealedPath INSTANCE = new SealedPath();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern VOTES = Pattern.compile("^(?:[a-z]+://[^/]+)?/api/v1/ballots/([0-9a-fA-F-]{36})/votes(?:\\?.*)?$");
    private static final Pattern CLOSE = Pattern.compile("^(?:[a-z]+://[^/]+)?/api/v1/ballots/([0-9a-fA-F-]{36})/close(?:\\?.*)?$");

    private static volatile boolean on;
    /** ceremony id → the devices of its scrutineers, each holding its share */
    private static final Map<String, List<SealDevices.Device>> DEVICES = new ConcurrentHashMap<>();
    /** ballot id → its seal context once the ballot is open or closed (empty: in the clear) */
    private static final Map<String, Optional<Context>> CONTEXTS = new ConcurrentHashMap<>();
    /** ballot | Idempotency-Key | marks → the encoding the tablet keeps and resends */
    private static final Map<String, String> KEPT = new ConcurrentHashMap<>();
    private static final AtomicInteger SEALED_CASTS = new AtomicInteger();
    private static final AtomicInteger DECRYPTED = new AtomicInteger();

    private SealedPath() {
    }

    /** Switches the sealed path on (for the current test) and installs the filter. */
    public static void on() {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof SealedPath)) {
            RestAssured.filters(INSTANCE);
        }
        SEALED_CASTS.set(0);
        DECRYPTED.set(0);
        on = true;
    }

    public static void off() {
        on = false;
        DEVICES.clear();
        CONTEXTS.clear();
        KEPT.clear();
    }

    public static boolean isOn() {
        return on;
    }

    /** How many casts went in sealed and how many ballots were counted by partial decryption since {@link #on()}. */
    public static int sealedCasts() {
        return SEALED_CASTS.get();
    }

    public static int decryptedBallots() {
        return DECRYPTED.get();
    }

    /** The session's scrutineers hold the key ceremony (when the sealed path is on). */
    static void ceremony(String sessionId, List<String> scrutineers) {
        if (!on) {
            return;
        }
        List<SealDevices.Device> devices = SealDevices.ceremony(sessionId, scrutineers);
        String id = Api.as(scrutineers.get(0)).get(SealDevices.ceremonyPath(sessionId)).then().statusCode(200)
                .body("status", equalTo("DONE")).extract().path("id");
        DEVICES.put(id, devices);
    }

    /** Whether the ballot is sealed (as the sealed path saw it when casting or closing). */
    public static boolean sealed(String ballotId) {
        Optional<Context> c = CONTEXTS.get(ballotId);
        return c != null && c.isPresent();
    }

    /**
     * A cast refused for its marks: in the clear 400 with the tally's code. On the sealed path, for a
     * sealed ballot, the tablet could not seal these marks honestly: too many or too few FOR marks come
     * with failing proofs (422 SEALED_BALLOT_INVALID); an item or a choice the ballot does not have
     * cannot be encoded and goes in the clear (400 SEALED_BALLOT_REQUIRED). Nothing is stored either way.
     */
    public static ValidatableResponse refused(Response r, String ballotId, String clearCode) {
        if (!on || !sealed(ballotId)) {
            return r.then().statusCode(400).body("code", equalTo(clearCode));
        }
        return switch (clearCode) {
            case "TOO_MANY_MARKS", "TOO_FEW_MARKS" -> r.then().statusCode(422).body("code", equalTo("SEALED_BALLOT_INVALID"));
            case "UNKNOWN_ITEM", "CHOICE_NOT_ALLOWED" -> r.then().statusCode(400).body("code", equalTo("SEALED_BALLOT_REQUIRED"));
            default -> throw new IllegalArgumentException("no sealed equivalent for " + clearCode);
        };
    }

    /**
     * Every entry on the ballot's public boards as {tracker, channel}: the clear board's entries and, for
     * a sealed ballot, the encrypted ballots of its sealed board (channel ELECTRONIC).
     */
    public static List<Map<String, Object>> boardEntries(String ballotId) {
        List<Map<String, Object>> entries = new ArrayList<>();
        List<Map<String, Object>> clear = given().get("/api/v1/ballots/" + ballotId + "/board").then().statusCode(200).extract()
                .path("entries");
        clear.forEach(e -> entries.add(Map.of("tracker", e.get("tracker"), "channel", e.get("channel"))));
        if (on) {
            Response sealedBoard = given().get("/api/v1/ballots/" + ballotId + "/sealed-board");
            if (sealedBoard.statusCode() == 200) {
                for (JsonNode b : SealDevices.json(sealedBoard).get("ballots")) {
                    entries.add(Map.of("tracker", b.get("tracker").asText(), "channel", "ELECTRONIC"));
                }
            } else {
                sealedBoard.then().statusCode(409).body("code", equalTo("BALLOT_NOT_SEALED"));
            }
        }
        return entries;
    }

    public static List<String> boardTrackers(String ballotId) {
        return boardEntries(ballotId).stream().map(e -> (String) e.get("tracker")).toList();
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        if (!on || !"POST".equals(request.getMethod())) {
            return ctx.next(request, responseSpec);
        }
        Matcher votes = VOTES.matcher(request.getURI());
        if (votes.matches()) {
            seal(request, votes.group(1));
            return ctx.next(request, responseSpec);
        }
        Matcher close = CLOSE.matcher(request.getURI());
        Response response = ctx.next(request, responseSpec);
        if (close.matches() && response.statusCode() == 200) {
            if ("AWAITING_DECRYPTION".equals(response.path("status"))) {
                return decrypt(close.group(1));
            }
            // the guard that this path is taken: no SECRET ballot is counted in the clear while it is on
            String secrecy = given().header("Authorization", request.getHeaders().getValue("Authorization"))
                    .get("/api/v1/ballots/" + close.group(1)).then().statusCode(200).extract().path("secrecy");
            if ("SECRET".equals(secrecy)) {
                throw new AssertionError("a SECRET ballot was counted in the clear on the sealed path: " + close.group(1));
            }
        }
        return response;
    }

    /** The tablet's part: marks become a sealed ballot (when the ballot is sealed and the marks can be encoded). */
    private static void seal(FilterableRequestSpecification request, String ballotId) {
        Object body = request.getBody();
        if (body == null) {
            return;
        }
        JsonNode node;
        try {
            node = SealDevices.JSON.readTree(body instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                    : body.toString());
        } catch (JsonProcessingException e) {
            return; // not JSON: sent as it is
        }
        if (node == null || !node.isObject() || !node.has("marks") || node.has("sealed") || !node.get("marks").isArray()) {
            return;
        }
        Context context = context(ballotId, request.getHeaders().getValue("Authorization"));
        if (context == null) {
            return; // a ballot in the clear (or not one the caller may see): the marks go as they are
        }
        Map<String, String> marks = new TreeMap<>();
        for (JsonNode m : node.get("marks")) {
            if (!m.hasNonNull("itemId") || !m.hasNonNull("choice") || marks.put(m.get("itemId").asText(), m.get("choice").asText()) != null) {
                return; // two marks on one item, or a malformed mark: nothing a tablet could seal
            }
        }
        String key = request.getHeaders().getValue("Idempotency-Key");
        String hex = key == null ? sealNow(context, marks) : KEPT.computeIfAbsent(ballotId + "|" + key + "|" + marks,
                k -> sealNow(context, marks));
        if (hex == null) {
            return; // an item or choice outside the ballot: sent in the clear, refused as SEALED_BALLOT_REQUIRED
        }
        SEALED_CASTS.incrementAndGet();
        try {
            request.body(SealDevices.JSON.writeValueAsString(Map.of("sealed", hex)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sealNow(Context context, Map<String, String> marks) {
        String castId = "cast-" + UUID.randomUUID();
        try {
            return HEX.formatHex(SealedBallot.seal(context, castId, new LinkedHashMap<>(marks), RANDOM).encode());
        } catch (IllegalArgumentException outsideTheRules) {
            try {
                return HEX.formatHex(TabletCheats.sealUnchecked(context, castId, marks, RANDOM).encode());
            } catch (IllegalArgumentException notEncodable) {
                return null;
            }
        }
    }

    /** The ballot's seal context as the tablet reads it, once its sealing is fixed (open or closed); null: in the clear. */
    private static Context context(String ballotId, String authorization) {
        Optional<Context> known = CONTEXTS.get(ballotId);
        if (known != null) {
            return known.orElse(null);
        }
        var spec = given();
        if (authorization != null) {
            spec.header("Authorization", authorization);
        }
        Response ballot = spec.get("/api/v1/ballots/" + ballotId);
        if (ballot.statusCode() != 200 || "DRAFT".equals(ballot.path("status"))) {
            return null;
        }
        if (!Boolean.TRUE.equals(ballot.path("sealed"))) {
            CONTEXTS.put(ballotId, Optional.empty());
            return null;
        }
        JsonNode seal = SealDevices.json(given().header("Authorization", authorization).get("/api/v1/ballots/" + ballotId + "/seal")
                .then().statusCode(200).extract().response());
        Context context = new Context(SealedBoard.readCeremony(seal.get("ceremony")).verified(), ballotId,
                SealedBoard.readLayout(seal.get("layout")));
        if (!context.hashHex().equals(seal.get("contextHash").asText())) {
            throw new AssertionError("the tablet's context hash differs from the service's for ballot " + ballotId);
        }
        CONTEXTS.put(ballotId, Optional.of(context));
        return context;
    }

    /** The scrutineers' part after close: k partial decryptions of the encrypted totals; the k-th answer is the count. */
    private static Response decrypt(String ballotId) {
        JsonNode board = SealDevices.json(given().get("/api/v1/ballots/" + ballotId + "/sealed-board").then().statusCode(200).extract()
                .response());
        Ceremony ceremony = SealedBoard.readCeremony(board.get("ceremony"));
        CONTEXTS.putIfAbsent(ballotId, Optional.of(new Context(ceremony, ballotId, SealedBoard.readLayout(board.get("layout")))));
        List<SealDevices.Device> devices = DEVICES.get(ceremony.ceremonyId());
        if (devices == null) {
            throw new AssertionError("no devices hold the shares of ceremony " + ceremony.ceremonyId());
        }
        Response last = SealDevices.decrypt(ballotId, devices);
        last.then().body("sealed.counted", equalTo(true));
        DECRYPTED.incrementAndGet();
        return last;
    }
}
