package cn.minsheng.ballot.congress;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.PageRequest;
import cn.minsheng.ballot.congress.CongressService.CongressView;

// Rooted at /api/v1 like the other resources that serve paths below /congresses/{id}: JAX-RS picks
// the class with the longest matching prefix and does not fall back to another class.
@Path("/api/v1")
@Tag(name = "congresses", description = "人大（租户） Congresses, the tenants")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CongressResource {

    public record CreateCongress(
            @NotBlank @Size(min = 2, max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull CongressLevel level) {
    }

    public record UpdateCongress(@Size(min = 1, max = 200) String name, CongressLevel level) {
    }

    @Inject
    CongressService congresses;

    @POST
    @Path("/congresses")
    @RolesAllowed(Role.ADMIN_NAME)
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CongressView.class)))
    @Operation(operationId = "createCongress", summary = "Create a congress (tenant)")
    public Response create(@NotNull @Valid CreateCongress request) {
        CongressView view = congresses.create(request.code(), request.name(), request.level());
        return Response.created(URI.create("/api/v1/congresses/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/congresses")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(operationId = "listCongresses", summary = "List congresses, filtered by level or by a name/code fragment")
    public Page<CongressView> list(@QueryParam("level") CongressLevel level, @QueryParam("q") String q,
            @Valid @BeanParam PageRequest page) {
        return congresses.list(level, q, page);
    }

    @GET
    @Path("/public/congresses")
    @PermitAll
    @Tag(name = "public")
    @Operation(operationId = "publicCongresses", summary = "Every congress's name, code and level, by name, for residents choosing theirs; q narrows by a name or code fragment")
    public Page<CongressService.PublicCongress> listPublic(@QueryParam("q") String q, @Valid @BeanParam PageRequest page) {
        return congresses.listPublic(q, page);
    }

    @GET
    @Path("/congresses/{congressId}")
    @RolesAllowed({ Role.ADMIN_NAME, Role.SECRETARIAT_NAME, Role.DEPUTY_NAME, Role.SCRUTINEER_NAME, Role.DEPARTMENT_NAME })
    @Operation(operationId = "getCongress", summary = "One congress; members see their own only")
    public CongressView get(@PathParam("congressId") UUID congressId) {
        return congresses.get(congressId);
    }

    @PATCH
    @Path("/congresses/{congressId}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(operationId = "updateCongress", summary = "Rename a congress or change its level")
    public CongressView update(@PathParam("congressId") UUID congressId, @NotNull @Valid UpdateCongress request) {
        return congresses.update(congressId, request.name(), request.level());
    }
}
