package cn.minsheng.ballot.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every operation of the contract (openapi/openapi.json) that a person performs is called from a
 * page: the pages call the API only through src/main/webui/src/api/client.ts, by operationId, so an
 * operation that no front-end source names is one no person can perform in the pages. Machine-only
 * operations are listed below with the reason; so are the operations whose pages are still being
 * built (each with the area that will call it). A new operation in the contract fails this test
 * until a page calls it or it is listed here with a reason.
 */
class ContractCoverageTest {

    /** Operations no person performs through a page. */
    static final Map<String, String> MACHINE_ONLY = Map.of(
            "jwks", "the token verification key, read by other services and the offline verifier");

    /**
     * Operations a person performs whose pages are not in this branch yet, by area (the deputy,
     * department, scrutineer and public areas of src/main/webui are built in parallel; the old pages
     * under /tablet, /screen and /public still call some of them). Remove an entry when its page calls it.
     */
    static final Map<String, String> PAGES_UNDER_WAY = Map.ofEntries(
            Map.entry("castVote", "deputy"), Map.entry("verifyReceipt", "deputy"),
            Map.entry("createInspection", "deputy"), Map.entry("raiseIssue", "deputy"),
            Map.entry("closeIssue", "deputy"), Map.entry("reopenIssue", "deputy"),
            Map.entry("submitProposal", "public, deputy"),
            Map.entry("recordPaperBallots", "scrutineer"), Map.entry("countersignResult", "scrutineer"),
            Map.entry("uploadEvidence", "department"), Map.entry("answerIssue", "department"),
            Map.entry("addMilestone", "department"), Map.entry("reportProgress", "department"),
            Map.entry("updatePlan", "department"), Map.entry("addSubproject", "department"),
            Map.entry("listProjects", "public"), Map.entry("publicProposals", "public"),
            Map.entry("publicResults", "public"), Map.entry("publicSlates", "public"),
            Map.entry("publicSolicitations", "public"), Map.entry("getEvidence", "public, department"),
            // the public results page shows each result's rule set text (publicResults); a page of its own is to come
            Map.entry("publicRuleSet", "public"));

    @Test
    void everyOperationAPersonPerformsIsCalledFromAPage() throws IOException {
        Set<String> operations = operations();
        String sources = frontEndSources();
        List<String> uncalled = new ArrayList<>();
        List<String> nowCalled = new ArrayList<>();
        for (String op : operations) {
            boolean called = sources.contains("'" + op + "'") || sources.contains("\"" + op + "\"");
            if (!called && !MACHINE_ONLY.containsKey(op) && !PAGES_UNDER_WAY.containsKey(op)) {
                uncalled.add(op);
            }
            if (called && PAGES_UNDER_WAY.containsKey(op)) {
                nowCalled.add(op);
            }
        }
        if (!nowCalled.isEmpty()) {
            System.out.println("ContractCoverageTest: now called from a page, remove from PAGES_UNDER_WAY: " + nowCalled);
        }
        assertEquals(List.of(), uncalled, "operations of the contract that no page calls");
        Set<String> stale = new TreeSet<>(MACHINE_ONLY.keySet());
        stale.addAll(PAGES_UNDER_WAY.keySet());
        stale.removeAll(operations);
        assertEquals(Set.of(), stale, "listed operations that the contract no longer has");
    }

    static Set<String> operations() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(Path.of("openapi", "openapi.json").toFile()).path("paths");
        Set<String> ids = new TreeSet<>();
        for (Iterator<JsonNode> it = paths.elements(); it.hasNext();) {
            for (Iterator<JsonNode> ops = it.next().elements(); ops.hasNext();) {
                JsonNode id = ops.next().path("operationId");
                if (id.isTextual()) {
                    ids.add(id.asText());
                }
            }
        }
        return ids;
    }

    /** The front end's own sources (not its generated client types, which name every operation). */
    static String frontEndSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "webui", "src"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("generated"))
                    .filter(p -> p.toString().endsWith(".ts") || p.toString().endsWith(".vue")).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        return all.toString();
    }
}
