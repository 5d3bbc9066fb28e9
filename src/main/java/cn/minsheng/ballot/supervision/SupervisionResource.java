package cn.minsheng.ballot.supervision;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
import jakarta.ws.rs.PUT;
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

// rooted at /api/v1 like ProjectResource: JAX-RS would not fall back from a longer class path
@Path("/api/v1")
@Tag(name = "supervision", description = "人大监督：监督小组、视察、问题清单与销号、重大事项决定 Supervision")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionResource {

    @Schema(name = "SupervisionGroupInput")
    public record Group(@NotNull @Size(max = 50) List<@NotNull UUID> deputyIds) {
    }

    public record InspectionInput(@NotNull LocalDate inspectedOn, @NotNull @Size(min = 1, max = 50) List<@NotNull UUID> participants,
            @NotBlank @Size(max = 4000) String findings, @Size(max = 20) List<@NotNull UUID> evidenceIds) {
    }

    public record IssueInput(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String description,
            LocalDate answerDue) {
    }

    public record AnswerInput(@NotBlank @Size(max = 4000) String answer) {
    }

    public record NoteInput(@Size(max = 2000) String note) {
    }

    public record DecisionInput(@NotNull Decision.Kind kind, @NotBlank @Size(max = 200) String body, @NotNull LocalDate decidedOn,
            @Size(max = 100) String reference, @NotBlank @Size(max = 4000) String summary) {
    }

    @Schema(name = "CreatedRef", description = "The id of what was created")
    public record Ref(String id) {
    }

    @Inject
    SupervisionService supervision;

    @PUT
    @Path("/projects/{projectId}/supervisors")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "setSupervisionGroup", summary = "The project's supervision group of deputies")
    public List<UUID> group(@PathParam("projectId") UUID projectId, @NotNull @Valid Group r) {
        return supervision.setGroup(projectId, r.deputyIds());
    }

    @GET
    @Path("/projects/{projectId}/supervisors")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPUTY_NAME })
    @Operation(operationId = "getSupervisionGroup", summary = "The project's supervision group with each deputy's id and name, for the congress's deputies (an inspection names its participants) and secretariat")
    public List<SupervisionService.Supervisor> members(@PathParam("projectId") UUID projectId) {
        return supervision.members(projectId);
    }

    @POST
    @Path("/projects/{projectId}/inspections")
    @RolesAllowed(Role.DEPUTY_NAME)
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Ref.class)))
    @Operation(operationId = "createInspection", summary = "Record an inspection (视察) by the supervision group")
    public Response inspect(@PathParam("projectId") UUID projectId, @NotNull @Valid InspectionInput r) {
        Inspection i = supervision.inspect(projectId, r.inspectedOn(), r.participants(), r.findings(),
                r.evidenceIds() == null ? List.of() : r.evidenceIds());
        return Response.created(URI.create("/api/v1/public/projects/" + projectId)).entity(new Ref(i.id.toString())).build();
    }

    @POST
    @Path("/projects/{projectId}/issues")
    @RolesAllowed(Role.DEPUTY_NAME)
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Ref.class)))
    @Operation(operationId = "raiseIssue", summary = "A group member raises an issue (问题清单); the department must answer by answerDue")
    public Response raise(@PathParam("projectId") UUID projectId, @NotNull @Valid IssueInput r) {
        ProjectIssue i = supervision.raise(projectId, r.title(), r.description(), r.answerDue());
        return Response.created(URI.create("/api/v1/public/projects/" + projectId)).entity(new Ref(i.id.toString())).build();
    }

    @POST
    @Path("/projects/{projectId}/issues/{issueId}/answer")
    @RolesAllowed(Role.DEPARTMENT_NAME)
    @Operation(operationId = "answerIssue", summary = "The responsible department answers and rectifies")
    public Ref answer(@PathParam("projectId") UUID projectId, @PathParam("issueId") UUID issueId, @NotNull @Valid AnswerInput r) {
        return new Ref(supervision.answer(projectId, issueId, r.answer()).id.toString());
    }

    @POST
    @Path("/projects/{projectId}/issues/{issueId}/close")
    @RolesAllowed(Role.DEPUTY_NAME)
    @Operation(operationId = "closeIssue", summary = "销号: a group member closes an answered issue")
    public Ref close(@PathParam("projectId") UUID projectId, @PathParam("issueId") UUID issueId, @Valid NoteInput r) {
        return new Ref(supervision.close(projectId, issueId, r == null ? null : r.note(), false).id.toString());
    }

    @POST
    @Path("/projects/{projectId}/issues/{issueId}/reopen")
    @RolesAllowed(Role.DEPUTY_NAME)
    @Operation(operationId = "reopenIssue", summary = "A group member sends an answered or closed issue back")
    public Ref reopen(@PathParam("projectId") UUID projectId, @PathParam("issueId") UUID issueId, @Valid NoteInput r) {
        return new Ref(supervision.close(projectId, issueId, r == null ? null : r.note(), true).id.toString());
    }

    @POST
    @Path("/projects/{projectId}/decisions")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Ref.class)))
    @Operation(operationId = "recordDecision", summary = "Record a decision on a major change, suspension, resumption or termination; it is public")
    public Response decide(@PathParam("projectId") UUID projectId, @NotNull @Valid DecisionInput r) {
        Decision d = supervision.decide(projectId, r.kind(), r.body(), r.decidedOn(), r.reference(), r.summary());
        return Response.created(URI.create("/api/v1/public/projects/" + projectId)).entity(new Ref(d.id.toString())).build();
    }
}
