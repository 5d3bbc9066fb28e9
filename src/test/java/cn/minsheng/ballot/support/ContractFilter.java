package cn.minsheng.ballot.support;

import java.util.List;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds every answer the API tests receive through RestAssured to the contract ({@link Contract}):
 * an undocumented status, content type or a body that breaks its schema (a missing required field, a
 * null where the contract forbids it, a wrong type or enum value) fails the test that received it.
 * Installed before each {@code @QuarkusTest} by {@link ContractCallback}.
 */
public final class ContractFilter implements Filter {

    static final ContractFilter INSTANCE = new ContractFilter();

    private ContractFilter() {
    }

    /** Adds the filter to RestAssured's global filters unless it is there already. */
    public static void install() {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof ContractFilter)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        String path;
        try {
            path = Contract.pathOf(request.getURI());
        } catch (IllegalArgumentException e) {
            String uri = request.getURI().replaceFirst("^[a-z]+://[^/]+", "");
            path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        }
        if (!path.startsWith("/api/") && !path.startsWith("/.well-known/")) {
            return response; // pages, health, metrics: not part of the API contract
        }
        String contentType = response.contentType();
        if (contentType != null && contentType.startsWith("text/event-stream")) {
            return response; // a live stream: read by the test as it arrives
        }
        String body = response.asString();
        List<String> violations = Contract.checkedIn().violations(request.getMethod(), path, response.statusCode(),
                contentType, body, response::header);
        String report = System.getenv("MINSHENG_CONTRACT_REPORT");
        if (report != null && !report.isBlank()) {
            // a sweep (README, "Using the API"): write every finding down, and in report.checked every
            // answer that was checked, and let the tests go on
            append(report, violations);
            append(report + ".checked", List.of(request.getMethod() + " " + path + " " + response.statusCode()));
            return response;
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer breaks openapi/openapi.json:\n  " + String.join("\n  ", violations)
                    + "\nbody: " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
        }
        return response;
    }

    private static synchronized void append(String file, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), String.join("\n", lines) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
