package cn.minsheng.ballot.proposal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.proposal.SolicitationService.SolicitationView;

@Path("/api/v1/congresses/{congressId}/solicitations")
@Tag(name = "proposals", description = "征集、建议、初审与候选项目 Solicitation, proposals, screening and candidates")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SECRETARIAT_NAME)
public class SolicitationResource {

    public record OpenSolicitation(@NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 200) String title,
            @Size(max = 20000) String notice, @NotNull Instant opensAt, @NotNull Instant closesAt) {
    }

    @Inject
    SolicitationService solicitations;

    @POST
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SolicitationView.class)))
    @Operation(operationId = "openSolicitation", summary = "Open a solicitation window for next year's projects",
            description = "year is the year whose projects are solicited; proposals are accepted from opensAt (inclusive) to closesAt (exclusive), by the server's clock.")
    public Response open(@PathParam("congressId") UUID congressId, @NotNull @Valid OpenSolicitation request) {
        SolicitationView view = solicitations.open(congressId, request.year(), request.title(), request.notice(),
                request.opensAt(), request.closesAt());
        return Response.created(URI.create("/api/v1/solicitations/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(operationId = "listSolicitations", summary = "The congress's solicitation windows, newest first")
    public List<SolicitationView> list(@PathParam("congressId") UUID congressId) {
        return solicitations.list(congressId);
    }
}
