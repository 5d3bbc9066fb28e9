package cn.minsheng.ballot.common;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents what every client must handle: each operation's errors are problem+json
 * (schema Problem) with a stable {@code code}.
 */
public class ProblemResponses implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("the invalid field, or for imports the column"))
                .addProperty("message", string("what is wrong, in the caller's language"))
                .addProperty("row", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("for file imports: the spreadsheet row, header = 1"))
                .addProperty("code", string("stable code of this error"));
        Schema problem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", string(null)).addProperty("title", string(null))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("code", string("stable machine-readable code, e.g. QUORUM_NOT_MET"))
                .addProperty("detail", string("human text, zh-CN or en by Accept-Language"))
                .addProperty("instance", string(null))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
        openAPI.getComponents().addSchema("Problem", problem);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::addProblems));
        ContractShape.apply(openAPI);
    }

    private void addProblems(Operation operation) {
        Map<String, APIResponse> existing = operation.getResponses().getAPIResponses();
        for (String status : new String[] { "400", "401", "403", "404", "409", "413", "415", "422", "429", "503" }) {
            if (existing == null || !existing.containsKey(status)) {
                operation.getResponses().addAPIResponse(status, problemResponse(status));
            } else {
                existing.get(status).content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
            }
        }
    }

    private static APIResponse problemResponse(String status) {
        String description = switch (status) {
            case "400" -> "Malformed JSON, wrong types, invalid fields";
            case "401" -> "Missing, expired or invalid token";
            case "403" -> "The caller's role may not do this";
            case "404" -> "Not found, or belongs to another congress";
            case "409" -> "Conflicts with the current state or existing data";
            case "413" -> "Body too large";
            case "415" -> "Unsupported content type";
            case "422" -> "Understood but refused by a domain rule";
            case "503" -> "Briefly unavailable (the database out of reach, or a cast interrupted by a change of attendance); "
                    + "nothing was changed: retry after Retry-After seconds";
            default -> "Rate limited; see Retry-After";
        };
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
    }

    private static Schema string(String description) {
        Schema s = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return description == null ? s : s.description(description);
    }
}
