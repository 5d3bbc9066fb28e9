package cn.minsheng.ballot.account;

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

import cn.minsheng.ballot.account.AccountService.AccountView;
import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.PageRequest;
import cn.minsheng.ballot.common.Role;

@Path("/api/v1/congresses/{congressId}/accounts")
@Tag(name = "accounts", description = "账号 Accounts and roles")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.SECRETARIAT_NAME })
public class AccountResource {

    public static final String USERNAME_PATTERN = "[A-Za-z0-9._-]+";

    public record CreateAccount(
            @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = USERNAME_PATTERN) String username,
            @NotNull @Size(min = 8, max = 200) String password,
            @NotNull Role role,
            @Size(max = 100) String displayName,
            UUID deputyId,
            @Size(max = 100) String department) {
    }

    public record UpdateAccount(@Size(min = 1, max = 100) String displayName, Boolean enabled,
            @Size(min = 8, max = 200) String password) {
    }

    @Inject
    AccountService accounts;

    @POST
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @Operation(operationId = "createAccount", summary = "Create an account in a congress",
            description = "The admin creates a congress's first secretariat accounts; the secretariat creates the rest. A deputy account names its deputyId; a department account names its department (承办单位), whose projects it keeps.")
    public Response create(@PathParam("congressId") UUID congressId, @NotNull @Valid CreateAccount request) {
        AccountView view = accounts.create(congressId, new AccountService.NewAccount(request.username(), request.password(),
                request.role(), request.displayName(), request.deputyId(), request.department()));
        return Response.created(URI.create("/api/v1/congresses/" + congressId + "/accounts/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(operationId = "listAccounts", summary = "List a congress's accounts, by role or enabled flag")
    public Page<AccountView> list(@PathParam("congressId") UUID congressId, @QueryParam("role") Role role,
            @QueryParam("enabled") Boolean enabled, @Valid @BeanParam PageRequest page) {
        return accounts.list(congressId, role, enabled, page);
    }

    @GET
    @Path("/{accountId}")
    @Operation(operationId = "getAccount", summary = "One account")
    public AccountView get(@PathParam("congressId") UUID congressId, @PathParam("accountId") UUID accountId) {
        return accounts.get(congressId, accountId);
    }

    @PATCH
    @Path("/{accountId}")
    @Operation(operationId = "updateAccount", summary = "Rename, disable or enable an account, or reset its password",
            description = "Disabling takes effect at once: the account's existing tokens stop working.")
    public AccountView update(@PathParam("congressId") UUID congressId, @PathParam("accountId") UUID accountId,
            @NotNull @Valid UpdateAccount request) {
        return accounts.update(congressId, accountId, request.displayName(), request.enabled(), request.password());
    }
}
