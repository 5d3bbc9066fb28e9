package cn.minsheng.ballot.congress;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.account.AccountResource;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.FieldError;
import cn.minsheng.ballot.common.Messages;
import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.PageRequest;
import cn.minsheng.ballot.congress.DeputyService.DeputyView;
import cn.minsheng.ballot.congress.DeputyService.ImportResult;

@Path("/api/v1/congresses/{congressId}/deputies")
@Tag(name = "deputies", description = "代表名册 The roster of deputies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SECRETARIAT_NAME)
public class DeputyResource {

    public record CreateDeputy(
            @Size(min = 1, max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+") String code,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) String delegation,
            @Size(max = 100) String district,
            DeputyStatus status,
            @Size(min = 3, max = 64) @Pattern(regexp = AccountResource.USERNAME_PATTERN) String username,
            @Size(min = 8, max = 200) String password) {
    }

    public record UpdateDeputy(@Size(min = 1, max = 100) String name, @Size(max = 100) String delegation,
            @Size(max = 100) String district, DeputyStatus status) {
    }

    @Inject
    DeputyService deputies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeputyView.class)))
    @Operation(operationId = "createDeputy", summary = "Add a deputy to the roster, optionally with their login",
            description = "Give username and password together to create the deputy's login in the same call.")
    public Response create(@PathParam("congressId") UUID congressId, @NotNull @Valid CreateDeputy request,
            HttpHeaders headers) {
        if ((request.username() == null) != (request.password() == null)) {
            String missing = request.username() == null ? "username" : "password";
            throw new ApiException(ApiException.Kind.INVALID, "VALIDATION_FAILED", java.util.List.of(FieldError.of(missing,
                    Messages.text(Messages.pick(headers.getAcceptableLanguages()), "import.required"))));
        }
        DeputyView view = deputies.create(congressId, new DeputyService.NewDeputy(request.code(), request.name(),
                request.delegation(), request.district(), request.status(), request.username(), request.password()));
        return Response.created(URI.create("/api/v1/congresses/" + congressId + "/deputies/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(operationId = "listDeputies", summary = "The roster, filtered by status, delegation, district or a name/code fragment")
    public Page<DeputyView> list(@PathParam("congressId") UUID congressId, @QueryParam("status") DeputyStatus status,
            @QueryParam("delegation") String delegation, @QueryParam("district") String district, @QueryParam("q") String q,
            @Valid @BeanParam PageRequest page) {
        return deputies.list(congressId, status, delegation, district, q, page);
    }

    @GET
    @Path("/{deputyId}")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPUTY_NAME })
    @Operation(operationId = "getDeputy", summary = "One deputy; a deputy may read their own entry")
    public DeputyView get(@PathParam("congressId") UUID congressId, @PathParam("deputyId") UUID deputyId) {
        return deputies.get(congressId, deputyId);
    }

    @PATCH
    @Path("/{deputyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateDeputy", summary = "Correct a deputy's entry or change their status (SEATED, SUSPENDED, TERMINATED)")
    public DeputyView update(@PathParam("congressId") UUID congressId, @PathParam("deputyId") UUID deputyId,
            @NotNull @Valid UpdateDeputy request) {
        return deputies.update(congressId, deputyId, request.name(), request.delegation(), request.district(), request.status());
    }

    @POST
    @Path("/import")
    @Consumes({ "text/csv", RosterFile.XLSX, MediaType.APPLICATION_OCTET_STREAM })
    @APIResponse(responseCode = "201", description = "Imported; the one-time passwords of created logins are returned only here",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @Operation(operationId = "importDeputies", summary = "Import a roster from CSV (UTF-8 or GBK) or XLSX, all or nothing",
            description = "Columns 编号,姓名,代表团,选区,状态 (or code,name,delegation,district,status); status 在册/暂停执行代表职务/终止 or "
                    + "SEATED/SUSPENDED/TERMINATED, empty means SEATED (请假/ON_LEAVE too: leave is attendance, per session). Any bad row rejects the whole file with 422 and "
                    + "every error by row (header = row 1) and column. With createLogins=true each deputy gets a login "
                    + "named after their code, and the one-time passwords are returned once.")
    @RequestBody(description = "the file's bytes")
    public Response importRoster(@PathParam("congressId") UUID congressId,
            @QueryParam("createLogins") @DefaultValue("false") boolean createLogins,
            @HeaderParam("Content-Type") String contentType, HttpHeaders headers, byte[] file) {
        ImportResult result = deputies.importRoster(congressId, file == null ? new byte[0] : file, contentType, createLogins,
                Messages.pick(headers.getAcceptableLanguages()));
        return Response.status(201).entity(result).build();
    }
}
