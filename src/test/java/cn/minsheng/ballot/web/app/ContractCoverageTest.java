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
 * operation that no front-end source names is one no person can perform in the pages. The few
 * operations no page calls are listed below with the reason. A new operation in the contract fails
 * this test until a page calls it or it is listed here with a reason.
 */
class ContractCoverageTest {

    /** Operations no person performs through a page of their own, each with the reason. */
    static final Map<String, String> MACHINE_ONLY = Map.of(
            "jwks", "the token verification key, read by other services and the offline verifier",
            "publicRuleSet", "a rule set's text for mobile clients and auditors; residents read the same text on every result "
                    + "made under it (publicResults carries it) and on the motion that adopted it");

    @Test
    void everyOperationAPersonPerformsIsCalledFromAPage() throws IOException {
        Set<String> operations = operations();
        String sources = frontEndSources();
        List<String> uncalled = new ArrayList<>();
        List<String> listedButCalled = new ArrayList<>();
        for (String op : operations) {
            boolean called = sources.contains("'" + op + "'") || sources.contains("\"" + op + "\"");
            if (!called && !MACHINE_ONLY.containsKey(op)) {
                uncalled.add(op);
            }
            if (called && MACHINE_ONLY.containsKey(op)) {
                listedButCalled.add(op);
            }
        }
        assertEquals(List.of(), listedButCalled, "listed as not called from a page, but a page calls it");
        assertEquals(List.of(), uncalled, "operations of the contract that no page calls");
        Set<String> stale = new TreeSet<>(MACHINE_ONLY.keySet());
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
