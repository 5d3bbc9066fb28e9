package cn.minsheng.ballot.proposal;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.PageRequest;
import cn.minsheng.ballot.common.RequestLocale;
import cn.minsheng.ballot.proposal.CandidateService.CandidateView;

@Path("/api/v1")
@Tag(name = "proposals")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateResource {

    @Inject
    CandidateService candidates;

    @Inject
    RequestLocale locale;

    @GET
    @Path("/congresses/{congressId}/candidates")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPARTMENT_NAME, Role.DEPUTY_NAME })
    @Operation(operationId = "listCandidates", summary = "Candidate projects, by year, category or responsible department")
    public Page<CandidateView> list(@PathParam("congressId") UUID congressId, @QueryParam("year") Integer year,
            @QueryParam("category") String category, @QueryParam("department") String department,
            @Valid @BeanParam PageRequest page) {
        return candidates.list(congressId, year, category, department, page, locale.get());
    }

    @GET
    @Path("/congresses/{congressId}/candidates/export")
    @Produces(ProposalResource.CSV)
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @APIResponse(responseCode = "200", description = "CSV, UTF-8 with BOM",
            content = @Content(mediaType = "text/csv; charset=UTF-8", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(operationId = "exportCandidates", summary = "Candidate projects as CSV (UTF-8 with BOM, opens in Excel)")
    public Response export(@PathParam("congressId") UUID congressId, @QueryParam("year") Integer year) {
        List<CandidateView> rows = candidates.all(congressId, year, locale.get());
        return cn.minsheng.ballot.common.CsvDownload.of("candidates.csv", List.of("编号", "项目名称", "责任单位", "估算投资(万元)", "类别", "计划年限",
                "年度", "地点", "阶段目标"), rows.stream().map(c -> List.<Object>of(c.id(), c.title(), c.department(),
                        c.estimatedBudget(), c.categoryLabel(), c.plannedYears(), c.year(), cn.minsheng.ballot.common.CsvDownload.cell(c.location()),
                        String.join("；", c.stageTargets()))).toList());
    }

    @GET
    @Path("/candidates/{candidateId}")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPARTMENT_NAME, Role.DEPUTY_NAME })
    @Operation(operationId = "getCandidate", summary = "One candidate project")
    public CandidateView get(@PathParam("candidateId") UUID candidateId) {
        return candidates.get(candidateId, locale.get());
    }
}
