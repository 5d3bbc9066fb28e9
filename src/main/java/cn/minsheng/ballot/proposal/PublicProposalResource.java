package cn.minsheng.ballot.proposal;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.PageRequest;
import cn.minsheng.ballot.common.RequestLocale;
import cn.minsheng.ballot.proposal.ProposalService.Filter;

/** What residents read without a token: windows and notices, every proposal's fate, the categories. */
@Path("/api/v1")
@Tag(name = "public", description = "公开信息 Published information, no token needed")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicProposalResource {

    @Inject
    SolicitationService solicitations;

    @Inject
    ProposalService proposals;

    @Inject
    Categories categories;

    @Inject
    RequestLocale locale;

    @GET
    @Path("/public/categories")
    @SecurityRequirementsSet
    @Operation(operationId = "listCategories", summary = "Project categories with their labels")
    public List<Categories.Category> categories() {
        return categories.all(locale.get());
    }

    @GET
    @Path("/public/congresses/{congressCode}/solicitations")
    @SecurityRequirementsSet
    @Operation(operationId = "publicSolicitations", summary = "A congress's solicitation windows and notices; open ones say so")
    public List<SolicitationService.SolicitationView> solicitations(@PathParam("congressCode") String congressCode) {
        return solicitations.listPublic(congressCode);
    }

    @GET
    @Path("/public/congresses/{congressCode}/proposals")
    @SecurityRequirementsSet
    @Operation(operationId = "publicProposals", summary = "Every proposal and its fate (accepted, rejected with the reason, merged), without the proposer's personal data")
    public Page<ProposalService.PublicProposalView> proposals(@PathParam("congressCode") String congressCode,
            @QueryParam("status") ProposalStatus status, @QueryParam("category") String category,
            @QueryParam("solicitationId") UUID solicitationId, @QueryParam("q") String q, @Valid @BeanParam PageRequest page) {
        return proposals.listPublic(congressCode, new Filter(status, category, null, solicitationId, q), page, locale.get());
    }

    @GET
    @Path("/public/congresses/{congressCode}/proposals/by-code/{queryCode}")
    @Operation(operationId = "publicProposalByCode", summary = "One proposal's fate by the 8-character query code shown when it was submitted (the first eight hexadecimal digits of its id; dashes, spaces and case ignored)")
    public ProposalService.PublicProposalView byCode(@PathParam("congressCode") String congressCode,
            @PathParam("queryCode") String queryCode) {
        return proposals.byCode(congressCode, queryCode, locale.get());
    }
}
