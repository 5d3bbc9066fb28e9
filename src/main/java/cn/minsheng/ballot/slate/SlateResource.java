package cn.minsheng.ballot.slate;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.common.RequestLocale;
import cn.minsheng.ballot.slate.SlateService.SlateView;

@Path("/api/v1")
@Tag(name = "slates", description = "候选项目名单 Slates of candidates for a ballot")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SlateResource {

    public record ComposeSlate(@NotBlank @Size(max = 200) String title, @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @Min(1) @Max(500) Integer seats, @NotNull @Min(0) @Max(500) Integer minSurplus,
            @NotNull @Size(min = 1, max = 500) List<@NotNull UUID> candidateIds) {
        SlateService.Composition composition() {
            return new SlateService.Composition(title, year, seats, minSurplus, candidateIds);
        }
    }

    public record RecordReview(@NotBlank @Size(max = 200) String body, @NotNull LocalDate date,
            @Size(max = 100) String reference, @Size(max = 1000) String note) {
    }

    @Inject
    SlateService slates;

    @Inject
    RequestLocale locale;

    @POST
    @Path("/congresses/{congressId}/slates")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlateView.class)))
    @Operation(operationId = "createSlate", summary = "Put candidates on a slate for a ballot; the surplus rule is checked",
            description = "Refused with 422 SURPLUS_RULE_BROKEN unless candidates >= seats + minSurplus.")
    public Response create(@PathParam("congressId") UUID congressId, @NotNull @Valid ComposeSlate r) {
        SlateView view = slates.create(congressId, r.composition(), locale.get());
        return Response.created(URI.create("/api/v1/slates/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/congresses/{congressId}/slates")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPARTMENT_NAME, Role.DEPUTY_NAME, Role.SCRUTINEER_NAME })
    @Operation(operationId = "listSlates", summary = "The congress's slates, newest year first")
    public List<SlateView> list(@PathParam("congressId") UUID congressId) {
        return slates.list(congressId, locale.get());
    }

    @GET
    @Path("/slates/{slateId}")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPARTMENT_NAME, Role.DEPUTY_NAME, Role.SCRUTINEER_NAME })
    @Operation(operationId = "getSlate", summary = "One slate with its candidates in ballot order")
    public SlateView get(@PathParam("slateId") UUID slateId) {
        return slates.get(slateId, locale.get());
    }

    @PUT
    @Path("/slates/{slateId}")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "updateSlate", summary = "Recompose a slate before publication; a reviewed slate goes back to DRAFT")
    public SlateView update(@PathParam("slateId") UUID slateId, @NotNull @Valid ComposeSlate r) {
        return slates.update(slateId, r.composition(), locale.get());
    }

    @POST
    @Path("/slates/{slateId}/review")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "reviewSlate", summary = "Record the standing committee's review of the slate")
    public SlateView review(@PathParam("slateId") UUID slateId, @NotNull @Valid RecordReview r) {
        return slates.review(slateId, new SlateService.Review(r.body(), r.date(), r.reference(), r.note()), locale.get());
    }

    @POST
    @Path("/slates/{slateId}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "publishSlate", summary = "Publish a reviewed slate to residents")
    public SlateView publish(@PathParam("slateId") UUID slateId) {
        return slates.publish(slateId, locale.get());
    }

    @GET
    @Path("/public/congresses/{congressCode}/slates")
    @PermitAll
    @Tag(name = "public")
    @SecurityRequirementsSet
    @Operation(operationId = "publicSlates", summary = "Published slates with their candidates")
    public List<SlateView> publicSlates(@PathParam("congressCode") String congressCode) {
        return slates.listPublic(congressCode, locale.get());
    }
}
