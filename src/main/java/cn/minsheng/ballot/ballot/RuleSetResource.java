package cn.minsheng.ballot.ballot;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.ballot.RuleSetService.RuleSetText;
import cn.minsheng.ballot.ballot.RuleSetService.RuleSetView;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.tally.BallotKind;

@Path("/api/v1")
@Tag(name = "rule-sets", description = "票决办法：命名的表决规则及其文本，经议案表决通过后采用 Rule sets")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    @Schema(name = "RuleSetInput")
    public record RuleSetInput(@NotBlank @Size(max = 200) String name, @NotNull BallotKind kind,
            @Schema(description = "the 办法's wording, read by the public with every result made under it") @NotBlank @Size(max = 20000) String text,
            @NotNull @Valid RuleFields rules) {
        RuleSetService.Input input() {
            return new RuleSetService.Input(name, kind, text, rules);
        }
    }

    @Inject
    RuleSetService ruleSets;

    @POST
    @Path("/congresses/{congressId}/rule-sets")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "createRuleSet", summary = "Create a rule set (票决办法), a DRAFT until a MOTION ballot adopts it",
            description = "A MOTION ballot names the set in adoptsRuleSetId; when its result is published and the motion passed, the "
                    + "set becomes ADOPTED and final. Only an adopted set creates ballots (createBallot ruleSetId). "
                    + "409 RULE_SET_NAME_TAKEN when the congress has a set of that name.")
    @APIResponse(responseCode = "201", description = "the rule set", content = @Content(schema = @Schema(implementation = RuleSetView.class)))
    public Response create(@PathParam("congressId") UUID congressId, @NotNull @Valid RuleSetInput r) {
        RuleSetView view = ruleSets.create(congressId, r.input());
        return Response.created(URI.create("/api/v1/rule-sets/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/congresses/{congressId}/rule-sets")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "listRuleSets", summary = "The congress's rule sets, oldest first, drafts and adopted")
    public List<RuleSetView> list(@PathParam("congressId") UUID congressId) {
        return ruleSets.list(congressId);
    }

    @GET
    @Path("/rule-sets/{ruleSetId}")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "getRuleSet", summary = "A rule set with its rules and text")
    public RuleSetView get(@PathParam("ruleSetId") UUID ruleSetId) {
        return ruleSets.get(ruleSetId);
    }

    @PUT
    @Path("/rule-sets/{ruleSetId}")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "updateRuleSet", summary = "Change a DRAFT rule set",
            description = "409 RULE_SET_ADOPTED once adopted; 409 RULE_SET_UNDER_VOTE while a motion that adopts it is open or "
                    + "its result is not yet published.")
    public RuleSetView update(@PathParam("ruleSetId") UUID ruleSetId, @NotNull @Valid RuleSetInput r) {
        return ruleSets.update(ruleSetId, r.input());
    }

    @GET
    @Path("/public/congresses/{congressCode}/rule-sets/{ruleSetId}")
    @PermitAll
    @Tag(name = "public")
    @Operation(operationId = "publicRuleSet", summary = "An adopted rule set's name and text, for anyone (a draft is 404)")
    public RuleSetText published(@PathParam("congressCode") String congressCode, @PathParam("ruleSetId") UUID ruleSetId) {
        return ruleSets.published(congressCode, ruleSetId);
    }
}
