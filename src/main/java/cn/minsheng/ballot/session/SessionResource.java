package cn.minsheng.ballot.session;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import cn.minsheng.ballot.session.SessionService.AttendanceView;
import cn.minsheng.ballot.session.SessionService.SessionView;

@Path("/api/v1")
@Tag(name = "sessions", description = "会议、出席与法定人数 Sessions, attendance and quorum")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    public record QuorumRule(@NotBlank @Size(max = 9) String fraction, Boolean inclusive) {
    }

    public record CreateSession(@NotBlank @Size(max = 200) String name, @NotNull SessionKind kind, @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn, @Valid QuorumRule quorum) {
    }

    public record RecordAttendance(UUID deputyId, AttendanceState state) {
    }

    @Inject
    SessionService sessions;

    @POST
    @Path("/congresses/{congressId}/sessions")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @Operation(operationId = "createSession", summary = "Plan a session; quorum defaults by kind (plenary 2/3 inclusive, committees more than 1/2)")
    public Response create(@PathParam("congressId") UUID congressId, @NotNull @Valid CreateSession r) {
        SessionView view = sessions.create(congressId, new SessionService.NewSession(r.name(), r.kind(), r.startsOn(), r.endsOn(),
                r.quorum() == null ? null : FractionText.parse("quorum.fraction", r.quorum().fraction()),
                r.quorum() == null ? null : r.quorum().inclusive()));
        return Response.created(URI.create("/api/v1/sessions/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/congresses/{congressId}/sessions")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPUTY_NAME, Role.SCRUTINEER_NAME, Role.DEPARTMENT_NAME, Role.PROJECTOR_NAME })
    @Operation(operationId = "listSessions", summary = "The congress's sessions, newest first")
    public List<SessionView> list(@PathParam("congressId") UUID congressId) {
        return sessions.list(congressId);
    }

    @GET
    @Path("/sessions/{sessionId}")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPUTY_NAME, Role.SCRUTINEER_NAME, Role.DEPARTMENT_NAME, Role.PROJECTOR_NAME })
    @Operation(operationId = "getSession", summary = "One session")
    public SessionView get(@PathParam("sessionId") UUID sessionId) {
        return sessions.get(sessionId);
    }

    @POST
    @Path("/sessions/{sessionId}/open")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "openSession", summary = "Open the session: the deputies SEATED now become its seated (应到)")
    public SessionView open(@PathParam("sessionId") UUID sessionId) {
        return sessions.open(sessionId);
    }

    @POST
    @Path("/sessions/{sessionId}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "closeSession", summary = "Close the session (refused while a ballot is open)")
    public SessionView close(@PathParam("sessionId") UUID sessionId) {
        return sessions.close(sessionId);
    }

    @POST
    @Path("/sessions/{sessionId}/attendance")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPUTY_NAME })
    @Operation(operationId = "checkIn", summary = "Check in (a deputy, for themself) or record attendance (the secretariat)",
            description = "A deputy sends {} to check in from the tablet. The secretariat sends {deputyId, state}: PRESENT for "
                    + "paper sign-in, ON_LEAVE, CHECKED_OUT. Idempotent.")
    public AttendanceView record(@PathParam("sessionId") UUID sessionId, @NotNull @Valid RecordAttendance r) {
        return sessions.record(sessionId, Optional.ofNullable(r.deputyId()),
                r.state() == null ? AttendanceState.PRESENT : r.state());
    }

    @GET
    @Path("/sessions/{sessionId}/attendance")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPUTY_NAME, Role.SCRUTINEER_NAME, Role.PROJECTOR_NAME })
    @Operation(operationId = "getAttendance", summary = "Seated, present, on leave, checked out, absent, and whether quorum holds")
    public AttendanceView attendance(@PathParam("sessionId") UUID sessionId) {
        return sessions.attendance(sessionId);
    }
}
