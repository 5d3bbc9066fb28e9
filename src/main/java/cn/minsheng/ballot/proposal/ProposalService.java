package cn.minsheng.ballot.proposal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.PageRequest;
import cn.minsheng.ballot.congress.Congress;
import io.quarkus.panache.common.Sort;

/** Proposals in the reserve pool: submission, search, merging duplicates, resubmission. */
@ApplicationScoped
@Transactional
public class ProposalService {

    public record NewProposal(String title, String summary, String category, String location, BigDecimal estimatedBudget,
            ProposalSource source, String contactName, String contactPhone) {
    }

    /** What the secretariat and departments see, contact details included. */
    public record ProposalView(String id, String solicitationId, String title, String summary, String category,
            String categoryLabel, @Schema(nullable = true) String location, @Schema(nullable = true) BigDecimal estimatedBudget, ProposalSource source, @Schema(nullable = true) String contactName,
            @Schema(nullable = true) String contactPhone, int supporters, ProposalStatus status, @Schema(nullable = true) String mergedInto, @Schema(nullable = true) String resubmittedFrom,
            @Schema(nullable = true) RejectionReason rejectionReason, @Schema(nullable = true) String rejectionNote, @Schema(nullable = true) String candidateId, Instant submittedAt,
            @Schema(nullable = true) Instant screenedAt) {
    }

    /** What residents see: the proposal and its fate, nothing about who proposed it. */
    public record PublicProposalView(String id, String solicitationId, String title, String summary, String category,
            String categoryLabel, @Schema(nullable = true) String location, ProposalSource source, int supporters, ProposalStatus status,
            @Schema(nullable = true) String mergedInto, @Schema(nullable = true) RejectionReason rejectionReason, @Schema(nullable = true) String rejectionReasonLabel, @Schema(nullable = true) String rejectionNote,
            @Schema(nullable = true) String candidateId, Instant submittedAt) {
    }

    public record Filter(ProposalStatus status, String category, ProposalSource source, UUID solicitationId, String q) {
    }

    @Inject
    Caller caller;

    @Inject
    Categories categories;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public ProposalView submit(UUID solicitationId, NewProposal request, Locale locale) {
        Solicitation window = Solicitation.<Solicitation>findByIdOptional(solicitationId)
                .orElseThrow(() -> ApiException.notFound("solicitation"));
        if (caller.isAuthenticated()) {
            caller.requireSameCongress(window.congressId, "solicitation");
        }
        if (!window.isOpenAt(clock.instant())) {
            throw ApiException.conflict("SOLICITATION_CLOSED");
        }
        ProposalSource source = sourceOfCaller();
        if (request.source() != null && request.source() != source) {
            throw ApiException.badRequest("SOURCE_NOT_ALLOWED", request.source());
        }
        categories.check("category", request.category(), locale);
        Proposal p = newProposal(window, request.title(), request.summary(), request.category(), request.location(),
                request.estimatedBudget(), source);
        p.contactName = request.contactName();
        p.contactPhone = request.contactPhone();
        p.persist();
        audit.append(window.congressId, "proposal.submitted", "proposal", p.id,
                Map.of("source", source, "category", p.category));
        return view(p, locale);
    }

    /** A rejected proposal comes back in a later, open window as a new proposal that remembers the old one. */
    public ProposalView resubmit(UUID proposalId, UUID solicitationId, Locale locale) {
        Proposal old = find(proposalId);
        if (old.status != ProposalStatus.REJECTED) {
            throw ApiException.conflict("NOT_REJECTED");
        }
        Solicitation from = Solicitation.findById(old.solicitationId);
        Solicitation window = Solicitation.<Solicitation>findByIdOptional(solicitationId)
                .filter(s -> s.congressId.equals(old.congressId)).orElseThrow(() -> ApiException.notFound("solicitation"));
        if (window.year <= from.year) {
            throw ApiException.conflict("RESUBMIT_NEEDS_LATER_WINDOW");
        }
        if (!window.isOpenAt(clock.instant())) {
            throw ApiException.conflict("SOLICITATION_CLOSED");
        }
        Proposal p = newProposal(window, old.title, old.summary, old.category, old.location, old.estimatedBudget, old.source);
        p.proposerAccountId = old.proposerAccountId;
        p.contactName = old.contactName;
        p.contactPhone = old.contactPhone;
        p.supporters = old.supporters;
        p.resubmittedFrom = old.id;
        p.persist();
        audit.append(p.congressId, "proposal.resubmitted", "proposal", p.id, Map.of("from", old.id.toString()));
        return view(p, locale);
    }

    /** Folds duplicates into one proposal, which keeps the sum of their supporters. */
    public ProposalView merge(UUID targetId, List<UUID> duplicateIds, Locale locale) {
        Proposal target = findForUpdate(targetId);
        requireSubmitted(target);
        for (UUID id : duplicateIds) {
            if (id.equals(targetId)) {
                throw ApiException.badRequest("MERGE_INTO_ITSELF");
            }
            Proposal dup = findForUpdate(id);
            requireSubmitted(dup);
            if (!dup.congressId.equals(target.congressId)) {
                throw ApiException.notFound("proposal");
            }
            dup.status = ProposalStatus.MERGED;
            dup.mergedInto = target.id;
            target.supporters += dup.supporters;
        }
        audit.append(target.congressId, "proposal.merged", "proposal", target.id,
                Map.of("merged", duplicateIds.stream().map(UUID::toString).toList(), "supporters", target.supporters));
        return view(target, locale);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProposalView get(UUID proposalId, Locale locale) {
        return view(find(proposalId), locale);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProposalView> list(UUID pathCongressId, Filter filter, PageRequest page, Locale locale) {
        return Page.of(query(caller.congress(pathCongressId), filter), page, p -> view(p, locale));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProposalView> all(UUID pathCongressId, Filter filter, Locale locale) {
        return query(caller.congress(pathCongressId), filter).list().stream().map(p -> view(p, locale)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PublicProposalView> listPublic(String congressCode, Filter filter, PageRequest page, Locale locale) {
        UUID congressId = Congress.findByCode(congressCode).orElseThrow(() -> ApiException.notFound("congress")).id;
        return Page.of(query(congressId, filter), page, p -> publicView(p, locale));
    }

    /**
     * A proposal's fate by its query code: the first eight hexadecimal digits of its id, as the page
     * showed when it was submitted (dashes, spaces and case ignored). Read as a range of ids, so the
     * primary key's index answers it; of two proposals sharing a code (one chance in four billion
     * within a congress) the earlier one is answered.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PublicProposalView byCode(String congressCode, String queryCode, Locale locale) {
        UUID congressId = Congress.findByCode(congressCode).orElseThrow(() -> ApiException.notFound("congress")).id;
        String hex = queryCode == null ? "" : queryCode.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{8}")) {
            throw ApiException.badRequest("QUERY_CODE_INVALID");
        }
        UUID low = UUID.fromString(hex + "-0000-0000-0000-000000000000");
        UUID high = UUID.fromString(hex + "-ffff-ffff-ffff-ffffffffffff");
        Proposal p = Proposal.<Proposal>find("congressId = ?1 and id >= ?2 and id <= ?3", Sort.by("submittedAt").and("id"),
                congressId, low, high).firstResultOptional().orElseThrow(() -> ApiException.notFound("proposal"));
        return publicView(p, locale);
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<Proposal> query(UUID congressId, Filter f) {
        cn.minsheng.ballot.common.Filter where = cn.minsheng.ballot.common.Filter.where("congressId = :c", "c", congressId)
                .and("status = :status", "status", f.status()).and("category = :category", "category", f.category())
                .and("source = :source", "source", f.source()).and("solicitationId = :sid", "sid", f.solicitationId())
                .contains("(title like :q or summary like :q or location like :q)", "q", f.q());
        return Proposal.find(where.query(), Sort.descending("submittedAt").and("id"), where.params());
    }

    private ProposalSource sourceOfCaller() {
        if (!caller.isAuthenticated()) {
            return ProposalSource.PUBLIC;
        }
        if (caller.is(Role.DEPUTY)) {
            return ProposalSource.DEPUTY;
        }
        if (caller.is(Role.DEPARTMENT)) {
            return ProposalSource.DEPARTMENT;
        }
        if (caller.is(Role.SECRETARIAT)) {
            return ProposalSource.STANDING_COMMITTEE;
        }
        throw ApiException.forbidden();
    }

    private Proposal newProposal(Solicitation window, String title, String summary, String category, String location,
            BigDecimal budget, ProposalSource source) {
        Proposal p = new Proposal();
        p.congressId = window.congressId;
        p.solicitationId = window.id;
        p.title = title;
        p.summary = summary;
        p.category = category;
        p.location = location;
        p.estimatedBudget = budget;
        p.source = source;
        p.proposerAccountId = caller.isAuthenticated() ? caller.accountId() : null;
        p.supporters = 1;
        p.status = ProposalStatus.SUBMITTED;
        p.submittedAt = clock.instant();
        return p;
    }

    static void requireSubmitted(Proposal p) {
        if (p.status != ProposalStatus.SUBMITTED) {
            throw ApiException.conflict("ALREADY_SCREENED", p.status);
        }
    }

    Proposal find(UUID id) {
        Proposal p = caller.scoped(Proposal.<Proposal>findByIdOptional(id), x -> x.congressId, "proposal");
        return p;
    }

    /** Row lock, so two screenings or merges of one proposal cannot both succeed. */
    Proposal findForUpdate(UUID id) {
        Proposal p = caller.scoped(Proposal.<Proposal>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE), x -> x.congressId, "proposal");
        return p;
    }

    ProposalView view(Proposal p, Locale locale) {
        return new ProposalView(p.id.toString(), p.solicitationId.toString(), p.title, p.summary, p.category,
                categories.label(p.category, locale), p.location, p.estimatedBudget, p.source, p.contactName, p.contactPhone,
                p.supporters, p.status, str(p.mergedInto), str(p.resubmittedFrom), p.rejectionReason, p.rejectionNote,
                candidateOf(p), p.submittedAt, p.screenedAt);
    }

    private PublicProposalView publicView(Proposal p, Locale locale) {
        return new PublicProposalView(p.id.toString(), p.solicitationId.toString(), p.title, p.summary, p.category,
                categories.label(p.category, locale), p.location, p.source, p.supporters, p.status, str(p.mergedInto),
                p.rejectionReason,
                p.rejectionReason == null ? null
                        : cn.minsheng.ballot.common.Messages.word(locale, p.rejectionReason).toString(),
                p.rejectionNote, candidateOf(p), p.submittedAt);
    }

    private static String candidateOf(Proposal p) {
        if (p.status != ProposalStatus.ACCEPTED) {
            return null;
        }
        Optional<Candidate> c = Candidate.find("proposalId", p.id).firstResultOptional();
        return c.map(x -> x.id.toString()).orElse(null);
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
