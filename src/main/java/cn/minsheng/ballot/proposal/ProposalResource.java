package cn.minsheng.ballot.proposal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.common.CsvDownload;
import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.PageRequest;
import cn.minsheng.ballot.common.RequestLocale;
import cn.minsheng.ballot.common.SharedRateLimit;
import cn.minsheng.ballot.proposal.ProposalService.Filter;
import cn.minsheng.ballot.proposal.ProposalService.ProposalView;
import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1")
@Tag(name = "proposals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

    public record SubmitProposal(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 4000) String summary,
            @NotBlank @Size(max = 32) String category,
            @Size(max = 200) String location,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal estimatedBudget,
            ProposalSource source,
            @Size(max = 100) String contactName,
            @Size(max = 40) String contactPhone) {
    }

    @Schema(name = "ScreenProposal")
    public record Screen(
            @NotNull ScreeningService.Decision decision,
            RejectionReason reason,
            @Size(max = 1000) String note,
            @Size(max = 100) String department,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal estimatedBudget,
            @Min(1) @Max(10) Integer plannedYears,
            @Size(max = 10) List<@NotBlank @Size(max = 500) String> stageTargets,
            @Size(min = 1, max = 200) String title,
            @Size(min = 1, max = 4000) String summary,
            @Size(min = 1, max = 32) String category,
            @Size(max = 200) String location) {
    }

    @Schema(name = "MergeProposals")
    public record Merge(@NotEmpty @Size(max = 100) List<@NotNull UUID> duplicateIds) {
    }

    public record Resubmit(@NotNull UUID solicitationId) {
    }

    static final String CSV = CsvDownload.MEDIA_TYPE;

    @Inject
    ProposalService proposals;

    @Inject
    ScreeningService screening;

    @Inject
    SharedRateLimit rateLimit;

    @Inject
    Caller caller;

    @Inject
    RequestLocale locale;

    @Inject
    ProposalConfig config;

    @POST
    @Path("/solicitations/{solicitationId}/proposals")
    @PermitAll
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "SecurityScheme"))
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalView.class)))
    @Operation(operationId = "submitProposal", summary = "Propose a project while the window is open",
            description = "Anyone may propose without a token (rate-limited per client address: 429 with Retry-After); "
                    + "deputies, departments and the secretariat (for the standing committee) propose with their token, "
                    + "and the source follows from the role.")
    public Response submit(@PathParam("solicitationId") UUID solicitationId, @NotNull @Valid SubmitProposal r,
            HttpServerRequest http) {
        if (!caller.isAuthenticated()) {
            String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
            rateLimit.acquire("proposal:" + address, config.anonymousLimit(), config.anonymousPeriod(), "RATE_LIMITED");
        }
        ProposalView view = proposals.submit(solicitationId, new ProposalService.NewProposal(r.title(), r.summary(),
                r.category(), r.location(), r.estimatedBudget(), r.source(), r.contactName(), r.contactPhone()), locale.get());
        return Response.created(URI.create("/api/v1/proposals/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/congresses/{congressId}/proposals")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPARTMENT_NAME })
    @Operation(operationId = "listProposals", summary = "The reserve pool (储备库), searchable and filterable")
    public Page<ProposalView> list(@PathParam("congressId") UUID congressId, @QueryParam("status") ProposalStatus status,
            @QueryParam("category") String category, @QueryParam("source") ProposalSource source,
            @QueryParam("solicitationId") UUID solicitationId, @QueryParam("q") String q, @Valid @BeanParam PageRequest page) {
        return proposals.list(congressId, new Filter(status, category, source, solicitationId, q), page, locale.get());
    }

    @GET
    @Path("/congresses/{congressId}/proposals/export")
    @Produces(CSV)
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @APIResponse(responseCode = "200", description = "CSV, UTF-8 with BOM",
            content = @Content(mediaType = "text/csv; charset=UTF-8", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(operationId = "exportProposals", summary = "All proposals as CSV (UTF-8 with BOM, opens in Excel)")
    public Response export(@PathParam("congressId") UUID congressId, @QueryParam("status") ProposalStatus status,
            @QueryParam("solicitationId") UUID solicitationId) {
        List<ProposalView> rows = proposals.all(congressId, new Filter(status, null, null, solicitationId, null), locale.get());
        return CsvDownload.of("proposals.csv", List.of("编号", "标题", "内容", "类别", "地点", "估算投资(万元)", "来源", "联系人", "联系电话",
                "附议人数", "状态", "不予采纳理由", "说明", "提交时间"), rows.stream().map(p -> List.<Object>of(p.id(), p.title(),
                        p.summary(), p.categoryLabel(), CsvDownload.cell(p.location()), CsvDownload.cell(p.estimatedBudget()), p.source(), CsvDownload.cell(p.contactName()),
                        CsvDownload.cell(p.contactPhone()), p.supporters(), p.status(), CsvDownload.cell(p.rejectionReason()), CsvDownload.cell(p.rejectionNote()),
                        p.submittedAt())).toList());
    }

    @GET
    @Path("/proposals/{proposalId}")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPARTMENT_NAME })
    @Operation(operationId = "getProposal", summary = "One proposal with its contact details and fate")
    public ProposalView get(@PathParam("proposalId") UUID proposalId) {
        return proposals.get(proposalId, locale.get());
    }

    @POST
    @Path("/proposals/{proposalId}/screening")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPARTMENT_NAME })
    @Operation(operationId = "screenProposal", summary = "Accept a proposal as a candidate, or reject it with a reason",
            description = "ACCEPT needs department and estimatedBudget (万元); plannedYears > 1 needs one stage target per year. "
                    + "REJECT needs a reason; OTHER also a note. A proposal is screened once (409 ALREADY_SCREENED).")
    public ProposalView screen(@PathParam("proposalId") UUID proposalId, @NotNull @Valid Screen r) {
        return screening.screen(proposalId, new ScreeningService.Screening(r.decision(), r.reason(), r.note(), r.department(),
                r.estimatedBudget(), r.plannedYears(), r.stageTargets(), r.title(), r.summary(), r.category(), r.location()),
                locale.get());
    }

    @POST
    @Path("/proposals/{proposalId}/merge")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "mergeProposals", summary = "Merge duplicate proposals into this one; supporters add up")
    public ProposalView merge(@PathParam("proposalId") UUID proposalId, @NotNull @Valid Merge r) {
        return proposals.merge(proposalId, r.duplicateIds(), locale.get());
    }

    @POST
    @Path("/proposals/{proposalId}/resubmit")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPUTY_NAME, Role.DEPARTMENT_NAME })
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalView.class)))
    @Operation(operationId = "resubmitProposal", summary = "Bring a rejected proposal into a later, open window")
    public Response resubmit(@PathParam("proposalId") UUID proposalId, @NotNull @Valid Resubmit r) {
        ProposalView view = proposals.resubmit(proposalId, r.solicitationId(), locale.get());
        return Response.created(URI.create("/api/v1/proposals/" + view.id())).entity(view).build();
    }
}
