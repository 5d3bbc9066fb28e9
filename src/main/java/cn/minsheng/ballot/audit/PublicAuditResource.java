package cn.minsheng.ballot.audit;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Tenants;

@Path("/api/v1/public/congresses/{congressCode}/audit/heads")
@Tag(name = "public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicAuditResource {

    @Inject
    Tenants tenants;

    @Inject
    PublishedHeads heads;

    @GET
    @SecurityRequirementsSet
    @Operation(operationId = "publicAuditHeads", summary = "The audit chain's latest head of each of the last 30 days, and the head stamped on every published result",
            description = "Write them down: the verifier (online and offline) reports a chain that no longer reaches a head that was published.")
    public PublishedHeads.Heads heads(@PathParam("congressCode") String congressCode) {
        UUID congressId = tenants.idOfCode(congressCode).orElseThrow(() -> ApiException.notFound("congress"));
        return heads.heads(congressId, 30);
    }
}
