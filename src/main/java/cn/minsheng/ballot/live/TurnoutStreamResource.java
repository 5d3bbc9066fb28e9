package cn.minsheng.ballot.live;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * The turnout stream, served by live: the ballot package supplies the stream as a {@link Source} of kind
 * "turnout" (it finds the ballot, checks the caller's congress and says what the stream shows); live
 * subscribes the caller to the hub and bounds the stream (StreamLimits). The roles are written out here
 * because live stands on the ground floor beside common and imports nothing of it.
 */
@Path("/api/v1")
@Tag(name = "ballots")
public class TurnoutStreamResource {

    static final String TURNOUT = "turnout";

    @Inject
    @Any
    Instance<Source> sources;

    @Inject
    TurnoutHub hub;

    @Inject
    StreamLimits limits;

    @GET
    @Path("/ballots/{ballotId}/turnout/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({ "secretariat", "deputy", "scrutineer", "projector" })
    @Operation(operationId = "streamTurnout", summary = "Server-Sent Events: the turnout now, then on every change (within a second)")
    @APIResponse(responseCode = "200", description = "one Turnout per event",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(ref = "Turnout")))
    public Multi<Object> stream(@PathParam("ballotId") UUID ballotId, @Context SecurityContext security) {
        Source.Opened stream = source(TURNOUT).open(ballotId);
        return limits.bound(hub.subscribe(stream.key(), stream.feed()), (JsonWebToken) security.getUserPrincipal());
    }

    private Source source(String kind) {
        return sources.stream().filter(s -> kind.equals(s.kind())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no live source of kind " + kind));
    }
}
