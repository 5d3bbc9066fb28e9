package cn.minsheng.ballot.overview;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.common.RequestLocale;
import cn.minsheng.ballot.project.Evidence;
import cn.minsheng.ballot.project.EvidenceService;
import cn.minsheng.ballot.project.Light;
import cn.minsheng.ballot.project.Milestone;
import cn.minsheng.ballot.project.Project;
import cn.minsheng.ballot.project.ProjectService;
import cn.minsheng.ballot.project.ProjectStatus;

@Path("/api/v1")
@Tag(name = "projects", description = "项目实施：计划、节点、进度、挂图作战、销号与结转 Delivery")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    public record PlanInput(@Size(max = 100) String leadOfficial,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal budgetPlanned,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal budgetSpent, @Size(max = 4000) String targets,
            LocalDate startsOn, LocalDate endsOn) {
    }

    public record SubprojectInput(@NotBlank @Size(max = 200) String title, @Min(1) @Max(1000) Integer weight) {
    }

    public record MilestoneInput(@NotBlank @Size(max = 200) String title, @NotNull LocalDate dueOn,
            @Min(1) @Max(1000) Integer weight) {
    }

    public record ProgressInput(@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal percent,
            @Size(max = 2000) String note, @Size(max = 1000) String reason, @Size(max = 20) List<@NotNull UUID> evidenceIds) {
    }

    @Inject
    ProjectService projects;

    @Inject
    ProjectViews views;

    @Inject
    EvidenceService evidence;

    @Inject
    Caller caller;

    @Inject
    RequestLocale locale;

    @GET
    @Path("/public/congresses/{congressCode}/projects")
    @PermitAll
    @Tag(name = "public")
    @SecurityRequirementsSet
    @Operation(operationId = "listProjects", summary = "A congress's projects with plan, progress and status light")
    public List<ProjectViews.Summary> list(@PathParam("congressCode") String congressCode, @QueryParam("year") Integer year,
            @QueryParam("light") Light light, @QueryParam("status") ProjectStatus status,
            @QueryParam("department") String department) {
        return views.list(congressCode, year, light, status, department, locale.get());
    }

    @GET
    @Path("/public/projects/{projectId}")
    @PermitAll
    @Tag(name = "public")
    @SecurityRequirementsSet
    @Operation(operationId = "getProject", summary = "One project: plan, sub-items, milestones, progress reports, supervision, issues, decisions, evaluations")
    public ProjectViews.Detail get(@PathParam("projectId") UUID projectId) {
        return views.detail(projectId, locale.get());
    }

    @GET
    @Path("/public/evidence/{evidenceId}")
    @PermitAll
    @Produces({ "image/jpeg", "image/png", "application/pdf" })
    @Tag(name = "public")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The file as uploaded",
            content = { @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @Operation(operationId = "getEvidence", summary = "A photo or PDF attached to progress or an inspection")
    public Response evidence(@PathParam("evidenceId") UUID evidenceId) {
        Evidence e = evidence.get(evidenceId);
        // images may show inline; a document (PDF, which may carry scripts) is only ever downloaded, never run in our origin
        boolean image = e.contentType.startsWith("image/");
        return Response.ok(e.data, e.contentType).header("Cache-Control", "public, max-age=86400")
                .header("Content-Disposition", (image ? "inline" : "attachment") + "; filename=\"evidence-" + evidenceId
                        + (image ? "" : ".pdf") + "\"")
                .header("Content-Security-Policy", "sandbox; default-src 'none'").build();
    }

    @GET
    @Path("/congresses/{congressId}/dashboard")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPARTMENT_NAME, Role.DEPUTY_NAME })
    @Operation(operationId = "getDashboard", summary = "挂图作战: projects by status light with counts")
    public ProjectViews.Dashboard dashboard(@PathParam("congressId") UUID congressId, @QueryParam("year") Integer year) {
        return views.dashboard(caller.congress(congressId), year, locale.get());
    }

    @GET
    @Path("/congresses/{congressId}/dashboard/export")
    @Produces("text/csv; charset=UTF-8")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @APIResponse(responseCode = "200", description = "CSV, UTF-8 with BOM",
            content = @Content(mediaType = "text/csv; charset=UTF-8", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(operationId = "exportDashboard", summary = "The dashboard as CSV (UTF-8 with BOM)")
    public Response export(@PathParam("congressId") UUID congressId, @QueryParam("year") Integer year) {
        ProjectViews.Dashboard d = views.dashboard(caller.congress(congressId), year, locale.get());
        return cn.minsheng.ballot.common.CsvDownload.of("dashboard.csv", List.of("编号", "年度", "项目名称", "责任单位",
                "牵头领导", "计划投资(万元)", "已完成投资(万元)", "进度(%)", "状态灯", "状态"), d.projects().stream()
                        .map(p -> List.<Object>of(p.id(), p.year(), p.title(), p.department(), cn.minsheng.ballot.common.CsvDownload.cell(p.leadOfficial()),
                                cn.minsheng.ballot.common.CsvDownload.cell(p.budgetPlanned()), cn.minsheng.ballot.common.CsvDownload.cell(p.budgetSpent()), p.progress(), p.light(), p.status()))
                        .toList());
    }

    @PUT
    @Path("/projects/{projectId}/plan")
    @RolesAllowed({ Role.DEPARTMENT_NAME, Role.SECRETARIAT_NAME })
    @Operation(operationId = "updatePlan", summary = "The implementation plan: lead official, budget planned and spent, targets, start and end; a field left out keeps its value")
    public ProjectViews.Summary plan(@PathParam("projectId") UUID projectId, @NotNull @Valid PlanInput r) {
        return views.summary(projects.updatePlan(projectId, new ProjectService.Plan(r.leadOfficial(), r.budgetPlanned(),
                r.budgetSpent(), r.targets(), r.startsOn(), r.endsOn())), locale.get());
    }

    @POST
    @Path("/projects/{projectId}/subprojects")
    @RolesAllowed({ Role.DEPARTMENT_NAME, Role.SECRETARIAT_NAME })
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectViews.Summary.class)))
    @Operation(operationId = "addSubproject", summary = "Add a sub-item (子项目), rolled up into the project by weight")
    public Response subproject(@PathParam("projectId") UUID projectId, @NotNull @Valid SubprojectInput r) {
        Project p = projects.addSubproject(projectId, r.title(), r.weight() == null ? 1 : r.weight());
        return Response.created(URI.create("/api/v1/public/projects/" + p.id)).entity(views.summary(p, locale.get())).build();
    }

    @POST
    @Path("/projects/{projectId}/milestones")
    @RolesAllowed(Role.DEPARTMENT_NAME)
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectViews.MilestoneView.class)))
    @Operation(operationId = "addMilestone", summary = "Add a milestone with its due date and weight")
    public Response milestone(@PathParam("projectId") UUID projectId, @NotNull @Valid MilestoneInput r) {
        Milestone m = projects.addMilestone(projectId, r.title(), r.dueOn(), r.weight() == null ? 1 : r.weight());
        return Response.status(201).entity(new ProjectViews.MilestoneView(m.id.toString(), m.title, m.dueOn, m.weight, m.progress,
                false)).build();
    }

    @POST
    @Path("/projects/{projectId}/milestones/{milestoneId}/progress")
    @RolesAllowed(Role.DEPARTMENT_NAME)
    @Operation(operationId = "reportProgress", summary = "Report a milestone's progress (percent, note, evidence); going back needs a reason")
    public ProjectViews.Summary progress(@PathParam("projectId") UUID projectId, @PathParam("milestoneId") UUID milestoneId,
            @NotNull @Valid ProgressInput r) {
        projects.report(projectId, milestoneId, r.percent(), r.note(), r.reason(),
                r.evidenceIds() == null ? List.of() : r.evidenceIds());
        return views.summary(projects.findPublic(projectId), locale.get());
    }

    @POST
    @Path("/projects/{projectId}/evidence")
    @Consumes({ "image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_OCTET_STREAM })
    @RolesAllowed({ Role.DEPARTMENT_NAME, Role.DEPUTY_NAME })
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceService.Stored.class)))
    @Operation(operationId = "uploadEvidence", summary = "Upload a photo (JPEG, PNG) or PDF, at most 5 MiB, for a report or an inspection")
    public Response upload(@PathParam("projectId") UUID projectId, @HeaderParam("Content-Type") String type,
            @HeaderParam("X-Filename") String filename, byte[] data) {
        EvidenceService.Stored stored = evidence.upload(projectId, data == null ? new byte[0] : data, type,
                filename == null ? null : filename.substring(0, Math.min(200, filename.length())));
        return Response.created(URI.create("/api/v1/public/evidence/" + stored.id())).entity(stored).build();
    }

    @POST
    @Path("/projects/{projectId}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "closeProject", summary = "销号: close a completed project the deputies rated satisfactorily")
    public ProjectViews.Summary close(@PathParam("projectId") UUID projectId) {
        return views.summary(projects.close(projectId), locale.get());
    }

    @POST
    @Path("/projects/{projectId}/carry-over")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @APIResponse(responseCode = "201", description = "The next year's project",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectViews.Summary.class)))
    @Operation(operationId = "carryOverProject", summary = "跨年度: continue a cross-year project as next year's project with its next stage target")
    public Response carryOver(@PathParam("projectId") UUID projectId) {
        Project next = projects.carryOver(projectId);
        return Response.created(URI.create("/api/v1/public/projects/" + next.id)).entity(views.summary(next, locale.get())).build();
    }
}
