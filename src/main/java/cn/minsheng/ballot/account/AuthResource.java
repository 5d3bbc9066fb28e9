package cn.minsheng.ballot.account;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1/auth")
@Tag(name = "auth", description = "登录与令牌 Login and tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record LoginRequest(
            @Size(max = 32) String congressCode,
            @NotBlank @Size(max = 64) String username,
            @NotNull @Size(min = 1, max = 200) String password) {
    }

    @Inject
    LoginService logins;

    @POST
    @Path("/login")
    @PermitAll
    @SecurityRequirementsSet
    @Operation(operationId = "login", summary = "Log in; the admin leaves congressCode out",
            description = "Returns an RS256 access token. Repeated failures lock the account name and the client address for a while (429 with Retry-After).")
    public LoginService.Token login(@NotNull @Valid LoginRequest request, HttpServerRequest http) {
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return logins.login(new LoginService.Credentials(request.congressCode(), request.username(), request.password()), address);
    }
}
