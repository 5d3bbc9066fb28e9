package cn.minsheng.ballot.audit;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.PageRequest;

@Path("/api/v1/congresses/{congressId}/audit")
@Tag(name = "audit", description = "审计日志 The hash-chained audit log")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.SCRUTINEER_NAME })
    @Operation(operationId = "getAuditLog", summary = "The congress's audit chain, oldest first")
    public Page<AuditService.EntryView> list(@PathParam("congressId") UUID congressId, @Valid @BeanParam PageRequest page) {
        return audit.list(congressId, page);
    }

    @GET
    @Path("/export")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.SCRUTINEER_NAME })
    @Operation(operationId = "exportAuditLog", summary = "The whole chain as one document, for the offline verifier")
    public AuditService.Export export(@PathParam("congressId") UUID congressId) {
        return audit.export(congressId);
    }

    @GET
    @Path("/verify")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.SCRUTINEER_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "verifyAuditLog", summary = "Recompute the chain: {valid, entries, head, firstBrokenAt?}")
    public AuditService.Verification verify(@PathParam("congressId") UUID congressId) {
        return audit.verify(congressId);
    }
}
