package cn.minsheng.ballot.result;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.result.ResultService.ResultView;

@Path("/api/v1")
@Tag(name = "results", description = "计票结果、监票签字、公布与公告 Results")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ResultResource {

    public record ChairDecision(@NotEmpty @Size(max = 100) List<@NotNull UUID> selectedItemIds,
            @NotBlank @Size(max = 1000) String reason) {
    }

    @Inject
    ResultService results;

    @Inject
    NoticePdf notice;

    @GET
    @Path("/ballots/{ballotId}/result")
    @PermitAll
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "SecurityScheme"))
    @Operation(operationId = "getResult", summary = "Every figure of the count: secretariat and scrutineers after close, anyone once published",
            description = "While the ballot is open nobody, the secretariat included, gets per-item figures: 409 RESULT_NOT_AVAILABLE.")
    public ResultView get(@PathParam("ballotId") UUID ballotId) {
        return results.get(ballotId);
    }

    @POST
    @Path("/ballots/{ballotId}/result/countersign")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.SCRUTINEER_NAME)
    @Operation(operationId = "countersignResult", summary = "A scrutineer (监票人) countersigns the count")
    public ResultView countersign(@PathParam("ballotId") UUID ballotId) {
        return results.countersign(ballotId);
    }

    @POST
    @Path("/ballots/{ballotId}/result/chair-decision")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "recordChairDecision", summary = "Record the chair's choice among items tied at the cutoff (tie policy CHAIR_DECISION)")
    public ResultView chair(@PathParam("ballotId") UUID ballotId, @NotNull @Valid ChairDecision r) {
        return results.chairDecision(ballotId, r.selectedItemIds(), r.reason());
    }

    @POST
    @Path("/ballots/{ballotId}/result/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "publishResult", summary = "Publish the countersigned result; it becomes public and final",
            description = "Needs the configured number of countersignatures (409 COUNTERSIGNATURES_MISSING); a void vote cannot be published (409 VOTE_VOID).")
    public ResultView publish(@PathParam("ballotId") UUID ballotId) {
        return results.publish(ballotId);
    }

    @GET
    @Path("/ballots/{ballotId}/result/notice.pdf")
    @Produces("application/pdf")
    @PermitAll
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "SecurityScheme"))
    @APIResponse(responseCode = "200", description = "PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(operationId = "getResultNotice", summary = "The notice (公告) of a result as an official document (GB/T 9704-2012 layout), PDF with embedded Chinese font",
            description = "Issuing body in red above a red rule (the session's presidium, or the standing committee), the number "
                    + "第N号 (per session, assigned at publication), title, body with the figures, the table of items with each "
                    + "outcome and its reason, issuer and date in Chinese numerals, the audit-chain head, and a QR code of the "
                    + "public board (minsheng.public.base-url). Before publication: a draft without number or date.")
    public Response pdf(@PathParam("ballotId") UUID ballotId) {
        ResultService.Notice document = results.notice(ballotId);
        if (document.result().figures() == null) {
            throw cn.minsheng.ballot.common.ApiException.conflict("SEALED_NOT_DECRYPTED", document.result().sealed().missing());
        }
        return Response.ok(notice.render(document), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"notice-" + ballotId + ".pdf\"").build();
    }

    @GET
    @Path("/public/congresses/{congressCode}/results")
    @PermitAll
    @Tag(name = "public")
    @SecurityRequirementsSet
    @Operation(operationId = "publicResults", summary = "Published results of a congress, newest first")
    public List<ResultView> published(@PathParam("congressCode") String congressCode) {
        return results.published(congressCode);
    }
}
