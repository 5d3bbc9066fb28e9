package cn.minsheng.ballot.result;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.result.ResultService.ResultView;

/** Closing is where a ballot becomes a result: served by the floor that records results. */
@Path("/api/v1")
@Tag(name = "ballots")
@Produces(MediaType.APPLICATION_JSON)
public class CloseResource {

    @Inject
    CloseService closing;

    @POST
    @Path("/ballots/{ballotId}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "closeBallot", summary = "Close and count; a tie or shortfall may create a runoff or supplementary ballot")
    public ResultView close(@PathParam("ballotId") UUID ballotId) {
        return closing.close(ballotId);
    }
}
