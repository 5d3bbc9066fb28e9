package cn.minsheng.ballot.proposal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import cn.minsheng.ballot.common.Json;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.FieldError;
import cn.minsheng.ballot.common.Messages;

/** 初审: the government accepts a proposal as a candidate project, or rejects it with a reason. */
@ApplicationScoped
@Transactional
public class ScreeningService {

    public enum Decision {
        ACCEPT, REJECT
    }

    public record Screening(Decision decision, RejectionReason reason, String note, String department,
            BigDecimal estimatedBudget, Integer plannedYears, List<String> stageTargets, String title, String summary,
            String category, String location) {
    }

    @Inject
    ProposalService proposals;

    @Inject
    Categories categories;

    @Inject
    AuditLog audit;

    @Inject
    Json json;

    @Inject
    Clock clock;

    public ProposalService.ProposalView screen(UUID proposalId, Screening s, Locale locale) {
        Proposal p = proposals.findForUpdate(proposalId);
        ProposalService.requireSubmitted(p);
        p.screenedAt = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decision", s.decision());
        if (s.decision() == Decision.REJECT) {
            if (s.reason() == null) {
                throw invalid(locale, "reason", "screening.reasonRequired");
            }
            if (s.reason() == RejectionReason.OTHER && (s.note() == null || s.note().isBlank())) {
                throw invalid(locale, "note", "screening.noteRequired");
            }
            p.status = ProposalStatus.REJECTED;
            p.rejectionReason = s.reason();
            p.rejectionNote = s.note();
            details.put("reason", s.reason());
        } else {
            Candidate c = candidate(p, s, locale);
            c.persist();
            p.status = ProposalStatus.ACCEPTED;
            details.put("candidateId", c.id.toString());
            details.put("department", c.department);
        }
        audit.append(p.congressId, "proposal.screened", "proposal", p.id, details);
        return proposals.view(p, locale);
    }

    private Candidate candidate(Proposal p, Screening s, Locale locale) {
        if (s.department() == null || s.department().isBlank()) {
            throw invalid(locale, "department", "screening.acceptNeeds");
        }
        if (s.estimatedBudget() == null) {
            throw invalid(locale, "estimatedBudget", "screening.acceptNeeds");
        }
        int years = s.plannedYears() == null ? 1 : s.plannedYears();
        List<String> stages = s.stageTargets() == null ? List.of() : s.stageTargets();
        if (years > 1 && stages.size() != years) {
            throw invalid(locale, "stageTargets", "screening.stagesPerYear", years);
        }
        if (years == 1 && stages.size() > 1) {
            throw invalid(locale, "stageTargets", "screening.stagesPerYear", years);
        }
        String category = s.category() == null ? p.category : s.category();
        categories.check("category", category, locale);
        Solicitation window = Solicitation.findById(p.solicitationId);
        Candidate c = new Candidate();
        c.congressId = p.congressId;
        c.proposalId = p.id;
        c.year = window.year;
        c.title = s.title() == null ? p.title : s.title();
        c.summary = s.summary() == null ? p.summary : s.summary();
        c.category = category;
        c.location = s.location() == null ? p.location : s.location();
        c.department = s.department();
        c.estimatedBudget = s.estimatedBudget();
        c.plannedYears = years;
        c.stageTargets = json.write(stages);
        c.createdAt = clock.instant();
        return c;
    }

    private static ApiException invalid(Locale locale, String field, String key, Object... args) {
        return new ApiException(ApiException.Kind.INVALID, "VALIDATION_FAILED", List.of(FieldError.of(field, Messages.text(locale, key, args))));
    }
}
