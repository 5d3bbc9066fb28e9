package cn.minsheng.ballot.verifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minsheng.ballot.board.BallotMarks;
import cn.minsheng.ballot.board.ChainHash;
import cn.minsheng.ballot.board.Tracker;
import cn.minsheng.ballot.tally.BallotKind;
import cn.minsheng.ballot.tally.CastBallot;
import cn.minsheng.ballot.tally.Choice;
import cn.minsheng.ballot.tally.Fraction;
import cn.minsheng.ballot.tally.ItemResult;
import cn.minsheng.ballot.tally.Mark;
import cn.minsheng.ballot.tally.Method;
import cn.minsheng.ballot.tally.PaperBatch;
import cn.minsheng.ballot.tally.Roster;
import cn.minsheng.ballot.tally.Rules;
import cn.minsheng.ballot.tally.ShortfallPolicy;
import cn.minsheng.ballot.tally.Tally;
import cn.minsheng.ballot.tally.TallyResult;
import cn.minsheng.ballot.tally.Threshold;
import cn.minsheng.ballot.tally.ThresholdBase;
import cn.minsheng.ballot.tally.TiePolicy;

/**
 * Checks, away from the service, what it published: an exported audit chain (every hash and link),
 * and a published result recounted from the exported board with the same tally engine (every
 * tracker recomputed). No framework, no database.
 *
 * <pre>
 * java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" cn.minsheng.ballot.verifier.OfflineVerifier chain audit.json [heads ...]
 * java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" cn.minsheng.ballot.verifier.OfflineVerifier recount board.json result.json
 * java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" cn.minsheng.ballot.verifier.OfflineVerifier sealed sealed-board.json
 * </pre>
 * Exit code 0 when everything checks out, 1 with the findings otherwise.
 */
public final class OfflineVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfflineVerifier() {
    }

    public static void main(String[] args) throws IOException {
        List<String> findings = switch (args.length > 0 ? args[0] : "") {
            case "chain" -> chain(JSON.readTree(Files.readString(Path.of(args[1]))), heads(args));
            case "recount" -> recount(JSON.readTree(Files.readString(Path.of(args[1]))), JSON.readTree(Files.readString(Path.of(args[2]))));
            case "sealed" -> SealedBoard.check(JSON.readTree(Files.readString(Path.of(args[1]))));
            default -> List.of("usage: OfflineVerifier chain <audit-export.json> [<heads.json>|<result.json>|<hash>]... "
                    + "| recount <board.json> <result.json> | sealed <sealed-board.json>");
        };
        findings.forEach(System.out::println);
        System.out.println(findings.isEmpty() ? "OK" : "FAILED: " + findings.size() + " finding(s)");
        System.exit(findings.isEmpty() ? 0 : 1);
    }

    /**
     * The heads to check the chain against, from the arguments after the chain: a 64-hex hash as
     * printed on a notice, a result (getResult: its auditHead) or the public heads
     * (publicAuditHeads: every stamped and daily head).
     */
    public static Map<String, String> heads(String[] args) throws IOException {
        Map<String, String> heads = new java.util.LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].matches("[0-9a-f]{64}")) {
                heads.put(args[i], "the head " + args[i]);
                continue;
            }
            JsonNode doc = JSON.readTree(Files.readString(Path.of(args[i])));
            if (doc.hasNonNull("auditHead")) {
                heads.put(doc.get("auditHead").asText(), "the head stamped on result " + doc.path("ballotId").asText(args[i]));
            }
            doc.path("published").forEach(p -> heads.put(p.get("head").asText(), "the head stamped on result "
                    + p.path("ballotId").asText()));
            doc.path("daily").forEach(d -> heads.putIfAbsent(d.get("head").asText(), "the head of " + d.path("day").asText()));
        }
        return heads;
    }

    /** The findings of checking an exported chain (getAuditLog export); empty when it is intact. */
    public static List<String> chain(JsonNode export) {
        return chain(export, Map.of());
    }

    /**
     * The findings of checking an exported chain against heads published outside it (hash to what
     * published it): each must be the hash of an entry of the intact chain, or the chain was cut or
     * rewritten behind it.
     */
    public static List<String> chain(JsonNode export, Map<String, String> published) {
        List<String> findings = new ArrayList<>();
        Map<String, Long> reached = new java.util.HashMap<>();
        List<String> walked = walk(export, reached);
        findings.addAll(walked);
        long entries = reached.size();
        published.forEach((head, what) -> {
            if (!reached.containsKey(head)) {
                findings.add(what + " is not in the chain: it was cut or rewritten behind it (the intact part ends at entry "
                        + entries + ")");
            }
        });
        return findings;
    }

    private static List<String> walk(JsonNode export, Map<String, Long> reached) {
        List<String> findings = new ArrayList<>();
        UUID chain = UUID.fromString(export.get("chainId").asText());
        String prev = ChainHash.GENESIS;
        long expected = 1;
        for (JsonNode e : export.get("entries")) {
            long seq = e.get("seq").asLong();
            if (seq != expected) {
                findings.add("entry " + expected + ": missing or out of order (found " + seq + ")");
                return findings;
            }
            if (!prev.equals(e.get("prevHash").asText())) {
                findings.add("entry " + seq + ": does not link to the entry before");
                return findings;
            }
            String hash = ChainHash.of(prev, chain, seq, Instant.parse(e.get("at").asText()), e.get("actor").asText(),
                    e.get("action").asText(), e.get("subjectType").asText(), e.get("subjectId").asText(), e.get("details").asText());
            if (!hash.equals(e.get("hash").asText())) {
                findings.add("entry " + seq + ": content does not match its hash");
                return findings;
            }
            prev = hash;
            reached.put(hash, seq);
            expected++;
        }
        return findings;
    }

    /** The findings of recounting a result (getResult) from its board (getBoard); empty when they agree. */
    public static List<String> recount(JsonNode board, JsonNode result) {
        List<String> findings = new ArrayList<>();
        JsonNode f = result.get("figures");
        String ballotId = f.get("ballotId").asText();
        List<CastBallot> ballots = new ArrayList<>();
        for (JsonNode e : board.get("entries")) {
            List<Mark> marks = new ArrayList<>();
            e.get("marks").forEach(m -> marks.add(new Mark(m.get("itemId").asText(), Choice.valueOf(m.get("choice").asText()))));
            String tracker = Tracker.of(ballotId, BallotMarks.canonical(marks), e.get("nonce").asText());
            if (!tracker.equals(e.get("tracker").asText())) {
                findings.add("board entry " + e.get("tracker").asText() + ": tracker does not match its marks and nonce");
            }
            ballots.add(new CastBallot(marks, e.hasNonNull("channel") && "PAPER".equals(e.get("channel").asText())));
        }
        List<PaperBatch> paper = new ArrayList<>();
        for (JsonNode p : board.get("paperTotals")) {
            if (p.get("returned").asInt() > 0) {
                Map<String, Map<Choice, Integer>> counts = new java.util.HashMap<>();
                p.get("counts").fields().forEachRemaining(item -> {
                    Map<Choice, Integer> byChoice = new EnumMap<>(Choice.class);
                    item.getValue().fields().forEachRemaining(c -> byChoice.put(Choice.valueOf(c.getKey()), c.getValue().asInt()));
                    counts.put(item.getKey(), byChoice);
                });
                paper.add(new PaperBatch(p.get("returned").asInt(), p.get("invalid").asInt(), counts));
            }
        }
        JsonNode tiers = f.get("evaluationTiers");
        Rules rules = new Rules(BallotKind.valueOf(f.get("kind").asText()), Method.valueOf(f.get("method").asText()),
                f.get("seats").asInt(), f.hasNonNull("maxMarks") ? f.get("maxMarks").asInt() : null, threshold(f.get("threshold")),
                TiePolicy.valueOf(f.get("tiePolicy").asText()), ShortfallPolicy.valueOf(f.get("shortfallPolicy").asText()),
                tiers == null || tiers.isNull() ? null
                        : new cn.minsheng.ballot.tally.EvaluationTiers(threshold(tiers.get("satisfied")),
                                threshold(tiers.get("basicallySatisfied"))),
                null, f.hasNonNull("minMarks") ? f.get("minMarks").asInt() : 0);
        List<String> items = new ArrayList<>();
        f.get("items").forEach(i -> items.add(i.get("itemId").asText()));
        long seed = f.hasNonNull("lot") ? f.get("lot").get("seed").asLong() : 0;
        JsonNode issue = f.get("ballots");
        Roster roster = issue == null ? new Roster(f.get("seated").asInt(), f.get("present").asInt(), f.get("issued").asInt())
                : new Roster(f.get("seated").asInt(), f.get("present").asInt(), f.get("issued").asInt(),
                        issue.get("paperIssued").asInt(), issue.get("voters").asInt());
        TallyResult recount = Tally.count(rules, items, roster, ballots, paper, seed);
        compare(findings, "returned", recount.returned(), f.get("returned").asInt());
        compare(findings, "valid", recount.valid(), f.get("valid").asInt());
        compare(findings, "invalid", recount.invalid(), f.get("invalid").asInt());
        boolean chairDecided = result.hasNonNull("chairDecisionReason");
        for (JsonNode published : f.get("items")) {
            ItemResult mine = recount.item(published.get("itemId").asText());
            String label = "item " + published.get("position").asInt();
            compare(findings, label + " FOR", mine.forCount(), published.get("forCount").asInt());
            compare(findings, label + " AGAINST", mine.againstCount(), published.get("againstCount").asInt());
            compare(findings, label + " ABSTAIN", mine.abstainCount(), published.get("abstainCount").asInt());
            compare(findings, label + " SATISFIED", mine.satisfiedCount(), published.get("satisfiedCount").asInt());
            compare(findings, label + " BASICALLY_SATISFIED", mine.basicallySatisfiedCount(),
                    published.get("basicallySatisfiedCount").asInt());
            compare(findings, label + " UNSATISFIED", mine.unsatisfiedCount(), published.get("unsatisfiedCount").asInt());
            if (!(chairDecided && mine.outcome() == cn.minsheng.ballot.tally.Outcome.TIED)
                    && !mine.outcome().name().equals(published.get("outcome").asText())) {
                findings.add(label + " outcome: recounted " + mine.outcome() + ", published " + published.get("outcome").asText());
            }
        }
        if (!chairDecided) {
            List<String> selected = new ArrayList<>();
            f.get("selected").forEach(s -> selected.add(s.asText()));
            if (!selected.equals(recount.selected())) {
                findings.add("selected: recounted " + recount.selected() + ", published " + selected);
            }
        }
        return findings;
    }

    private static Threshold threshold(JsonNode t) {
        String[] fraction = t.get("fraction").asText().split("/");
        return new Threshold(new Fraction(Long.parseLong(fraction[0]), Long.parseLong(fraction[1])),
                ThresholdBase.valueOf(t.get("base").asText()), t.get("inclusive").asBoolean());
    }

    private static void compare(List<String> findings, String what, long recounted, long published) {
        if (recounted != published) {
            findings.add(what + ": recounted " + recounted + ", published " + published);
        }
    }
}
