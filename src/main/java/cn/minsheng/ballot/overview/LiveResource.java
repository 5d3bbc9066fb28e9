package cn.minsheng.ballot.overview;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestStreamElementType;

import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.live.TurnoutHub;
import cn.minsheng.ballot.session.Session;
import cn.minsheng.ballot.session.SessionService;
import cn.minsheng.ballot.live.StreamLimits;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

@Path("/api/v1")
@Tag(name = "sessions")
public class LiveResource {

    @Inject
    SessionService sessions;

    @Inject
    SessionPulse pulse;

    @Inject
    TurnoutHub hub;

    @Inject
    StreamLimits limits;

    @GET
    @Path("/sessions/{sessionId}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPUTY_NAME, Role.SCRUTINEER_NAME, Role.PROJECTOR_NAME })
    @Operation(operationId = "streamSession", summary = "Server-Sent Events: the session's attendance, quorum and each ballot's "
            + "state and turnout now, then on every change (a ballot opening, a check-in, a cast, a close, a publication)")
    @APIResponse(responseCode = "200", description = "one pulse per event",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = SessionPulse.Live.class)))
    public Multi<Object> stream(@PathParam("sessionId") UUID sessionId, @Context SecurityContext security) {
        Session s = sessions.find(sessionId);
        return limits.bound(hub.subscribe(SessionPulse.SESSION + s.id, pulse.feed(s.id)), (JsonWebToken) security.getUserPrincipal());
    }
}
