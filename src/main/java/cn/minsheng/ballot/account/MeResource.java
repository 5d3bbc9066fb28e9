package cn.minsheng.ballot.account;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.Role;

@Path("/api/v1/me")
@Tag(name = "auth")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    public record Me(String accountId, String username, List<String> roles, @Schema(nullable = true) String congressId,
            @Schema(nullable = true) String deputyId, @Schema(nullable = true) String department) {
    }

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Role.ADMIN_NAME, Role.SECRETARIAT_NAME, Role.DEPUTY_NAME, Role.SCRUTINEER_NAME, Role.DEPARTMENT_NAME, Role.PROJECTOR_NAME })
    @Operation(operationId = "whoAmI", summary = "The caller as the token says: account, role, congress, deputy, and a department account's department (承办单位)")
    public Me me() {
        List<String> roles = java.util.Arrays.stream(Role.values()).filter(caller::is).map(Role::value).toList();
        return new Me(caller.accountId().toString(), caller.name(), roles,
                caller.congressId().map(Object::toString).orElse(null), caller.deputyId().map(Object::toString).orElse(null),
                caller.department().orElse(null));
    }
}
