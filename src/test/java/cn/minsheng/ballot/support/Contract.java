package cn.minsheng.ballot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * The checked-in contract ({@code openapi/openapi.json}) as a judge of real answers: given the
 * request's method and path and the answer's status, content type and body, it names every way the
 * answer breaks the contract. The path is matched to a path template of the contract, the status
 * must be documented for that operation, the content type must be one it documents for that status,
 * and a JSON body must validate against the documented schema (OpenAPI 3.1 = JSON Schema 2020-12:
 * required properties, {@code type: [..., "null"]} for nullable ones, enums, formats as annotations).
 * {@link ContractFilter} applies it to every response the API tests receive through RestAssured.
 */
public final class Contract {

    /** Where the contract's components are found by the schema validator ($refs are rewritten against it). */
    private static final String BASE = "https://contract.minsheng.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Contract checkedIn;
    private static long checkedInAt;

    private final List<Route> routes = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private record Route(String template, Pattern pattern, int literals, JsonNode pathItem) {
    }

    public Contract(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String template = e.getKey();
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String part : template.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(part));
                    literals += part.length();
                }
            }
            routes.add(new Route(template, Pattern.compile(regex.toString()), literals, e.getValue()));
        }
        // a literal segment wins over a parameter (/sessions/current before /sessions/{sessionId})
        routes.sort(Comparator.comparingInt(Route::literals).reversed());
        // an answer carries what its schema documents and nothing else: a property the contract does not
        // name (a renamed or forgotten field) is a finding too
        for (JsonNode schema : root.path("components").path("schemas")) {
            if (schema.has("properties") && !schema.has("additionalProperties") && schema instanceof ObjectNode o) {
                o.put("additionalProperties", false);
            }
        }
        String strict = root.toString();
        registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(BASE, strict)));
    }

    /**
     * The contract the build wrote from the annotations; read again when the build rewrites it (the
     * first {@code @QuarkusTest} of a run writes it, perhaps after a plain test has read the old one).
     */
    public static Contract checkedIn() {
        Path file = Path.of("openapi", "openapi.json");
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            synchronized (Contract.class) {
                if (checkedIn == null || checkedInAt != modified) {
                    checkedIn = new Contract(Files.readString(file));
                    checkedInAt = modified;
                }
                return checkedIn;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every way this answer breaks the contract; empty when it conforms. {@code path} is the request's
     * path without the query; a path the contract does not know is itself a finding unless the answer
     * is a refusal (a test probing an address that does not exist).
     */
    public List<String> violations(String method, String path, int status, String contentType, String body) {
        return violations(method, path, status, contentType, body, name -> null);
    }

    /** As above, and every header the contract marks required for this answer must be sent. */
    public List<String> violations(String method, String path, int status, String contentType, String body,
            java.util.function.Function<String, String> headers) {
        List<String> found = new ArrayList<>();
        String m = method.toLowerCase(Locale.ROOT);
        Route route = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst().orElse(null);
        String where = method.toUpperCase(Locale.ROOT) + " " + path + " → " + status;
        if (route == null || !route.pathItem().has(m)) {
            if (status < 400) {
                found.add(where + ": no operation of the contract matches " + method.toUpperCase(Locale.ROOT) + " " + path);
            }
            return found;
        }
        JsonNode op = route.pathItem().get(m);
        String operation = op.path("operationId").asText(route.template());
        where = operation + " (" + where + ")";
        JsonNode responses = op.path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status)) : responses.get("default");
        if (response == null) {
            List<String> documented = new ArrayList<>();
            responses.fieldNames().forEachRemaining(documented::add);
            found.add(where + ": status " + status + " is not documented (documented: " + documented + ")");
            return found;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> h = it.next();
            if (h.getValue().path("required").asBoolean(false) && headers.apply(h.getKey()) == null) {
                found.add(where + ": the required header " + h.getKey() + " is missing");
            }
        }
        JsonNode content = response.get("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (content == null || content.isEmpty()) {
            if (hasBody) {
                found.add(where + ": a body of " + contentType + " where the contract documents none");
            }
            return found;
        }
        if (!hasBody) {
            found.add(where + ": no body where the contract documents " + names(content));
            return found;
        }
        String mediaType = null;
        String base = baseType(contentType);
        for (Iterator<String> it = content.fieldNames(); it.hasNext();) {
            String candidate = it.next();
            if (baseType(candidate).equals(base)) {
                mediaType = candidate;
                break;
            }
        }
        if (mediaType == null) {
            found.add(where + ": content type " + contentType + " is not documented (documented: " + names(content) + ")");
            return found;
        }
        JsonNode schema = content.get(mediaType).get("schema");
        if (schema == null || schema.isEmpty()) {
            found.add(where + ": " + mediaType + " has no schema in the contract");
            return found;
        }
        if (!base.equals("application/json") && !base.endsWith("+json")) {
            return found; // a download (CSV, PDF, image): the contract says binary
        }
        String key = route.template() + " " + m + " " + status + " " + mediaType;
        Schema validator = compiled.computeIfAbsent(key, k -> registry.getSchema(
                SchemaLocation.of(BASE.replace("openapi.json", "responses/") + Integer.toHexString(k.hashCode())),
                absolute(schema).toString(), InputFormat.JSON));
        String at = where;
        validator.validate(body, InputFormat.JSON).forEach(error -> found.add(at + ": " + error));
        return found;
    }

    private static String names(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** A copy of the schema whose local $refs point into the contract document. */
    private static JsonNode absolute(JsonNode node) {
        JsonNode copy = node.deepCopy();
        rewrite(copy);
        return copy;
    }

    private static void rewrite(JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                ((ObjectNode) node).put("$ref", BASE + ref.asText());
            }
            node.forEach(Contract::rewrite);
        } else if (node.isArray()) {
            node.forEach(Contract::rewrite);
        }
    }

    /** The path of a request URI, decoded, without scheme, host or query. */
    public static String pathOf(String uri) {
        return URI.create(uri).getPath();
    }
}
