package cn.minsheng.ballot.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What the contract promises about every answer, derived once instead of written on each record:
 * <ul>
 * <li>Every property of a schema that only answers carry (never a request body) is required: Jackson
 * writes every record component, null included, so a property that may be null says so with
 * {@code @Schema(nullable = true)}. A record that leaves nulls out ({@code @JsonInclude(NON_NULL)})
 * lists what it always sends with {@code @Schema(requiredProperties = ...)}, which this leaves alone.</li>
 * <li>429 and 503 answers carry Retry-After (seconds).</li>
 * <li>An operation that names no role (no {@code @RolesAllowed}, so no requirement was added) and
 * declares nothing else is public: it gets the empty requirement {@code security: [{}]}. One where a
 * token changes the answer says so itself ({@code @SecurityRequirementsSet} twice, see getResult).</li>
 * </ul>
 * Request schemas keep what bean validation says ({@code @NotNull} and friends).
 */
final class ContractShape {

    private static final String SCHEMAS = "#/components/schemas/";

    private ContractShape() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> answers = new HashSet<>();
        Set<String> requests = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null) {
                refs(op.getRequestBody().getContent(), requests, schemas);
            }
            if (op.getParameters() != null) {
                for (Parameter p : op.getParameters()) {
                    refs(p.getSchema(), requests, schemas);
                }
            }
            op.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    refs(response.getContent(), answers, schemas);
                }
            });
            retryAfter(op);
            if (op.getSecurity() == null || op.getSecurity().isEmpty()) {
                op.addSecurityRequirement(OASFactory.createSecurityRequirement());
            }
        }));
        answers.removeAll(requests);
        for (String name : answers) {
            Schema s = schemas.get(name);
            if (s.getProperties() != null && !s.getProperties().isEmpty()
                    && (s.getRequired() == null || s.getRequired().isEmpty())) {
                s.setRequired(new ArrayList<>(s.getProperties().keySet()));
            }
        }
    }

    private static void retryAfter(Operation op) {
        for (String status : List.of("429", "503")) {
            APIResponse r = op.getResponses().getAPIResponse(status);
            if (r != null && (r.getHeaders() == null || !r.getHeaders().containsKey("Retry-After"))) {
                r.addHeader("Retry-After", OASFactory.createHeader().required(true)
                        .description("Seconds to wait before trying again")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO)));
            }
        }
    }

    private static void refs(Content content, Set<String> into, Map<String, Schema> schemas) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> refs(m.getSchema(), into, schemas));
        }
    }

    private static void refs(Schema s, Set<String> into, Map<String, Schema> schemas) {
        if (s == null) {
            return;
        }
        if (s.getRef() != null && s.getRef().startsWith(SCHEMAS)) {
            String name = s.getRef().substring(SCHEMAS.length());
            if (into.add(name) && schemas.containsKey(name)) {
                refs(schemas.get(name), into, schemas);
            }
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> refs(p, into, schemas));
        }
        refs(s.getItems(), into, schemas);
        refs(s.getAdditionalPropertiesSchema(), into, schemas);
        for (List<Schema> list : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (list != null) {
                list.forEach(x -> refs(x, into, schemas));
            }
        }
    }
}
