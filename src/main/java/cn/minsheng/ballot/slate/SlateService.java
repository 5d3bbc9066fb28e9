package cn.minsheng.ballot.slate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.congress.Congress;
import cn.minsheng.ballot.proposal.Candidate;
import cn.minsheng.ballot.proposal.CandidateService;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional
public class SlateService {

    @Schema(name = "SlateReview")
    public record Review(String body, LocalDate date, @Schema(nullable = true) String reference, @Schema(nullable = true) String note) {
    }

    public record SlateView(String id, String congressId, int year, String title, int seats, int minSurplus,
            SlateStatus status, @Schema(nullable = true) Review review, List<CandidateService.CandidateView> candidates, Instant updatedAt) {
    }

    public record Composition(String title, int year, int seats, int minSurplus, List<UUID> candidateIds) {
    }

    @Inject
    Caller caller;

    @Inject
    CandidateService candidates;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public SlateView create(UUID pathCongressId, Composition c, Locale locale) {
        UUID congressId = caller.congress(pathCongressId);
        Slate s = new Slate();
        s.congressId = congressId;
        s.status = SlateStatus.DRAFT;
        s.createdAt = clock.instant();
        compose(s, c);
        audit.append(congressId, "slate.created", "slate", s.id, summary(s, c));
        return view(s, locale);
    }

    /** Recomposing a reviewed slate sends it back to DRAFT: the review was of the old list. */
    public SlateView update(UUID slateId, Composition c, Locale locale) {
        Slate s = findForUpdate(slateId);
        if (s.status == SlateStatus.PUBLISHED || s.status == SlateStatus.FROZEN) {
            throw ApiException.conflict("SLATE_LOCKED", s.status);
        }
        SlateItem.delete("slateId", s.id);
        SlateItem.flush();
        s.status = SlateStatus.DRAFT;
        s.reviewBody = null;
        s.reviewDate = null;
        s.reviewReference = null;
        s.reviewNote = null;
        compose(s, c);
        audit.append(s.congressId, "slate.updated", "slate", s.id, summary(s, c));
        return view(s, locale);
    }

    /** Records the standing committee's review (人大常委会审议). */
    public SlateView review(UUID slateId, Review review, Locale locale) {
        Slate s = findForUpdate(slateId);
        if (s.status != SlateStatus.DRAFT) {
            throw ApiException.conflict("SLATE_ALREADY_REVIEWED", s.status);
        }
        s.status = SlateStatus.REVIEWED;
        s.reviewBody = review.body();
        s.reviewDate = review.date();
        s.reviewReference = review.reference();
        s.reviewNote = review.note();
        s.updatedAt = clock.instant();
        audit.append(s.congressId, "slate.reviewed", "slate", s.id,
                Map.of("body", review.body(), "date", review.date().toString(), "reference", String.valueOf(review.reference())));
        return view(s, locale);
    }

    public SlateView publish(UUID slateId, Locale locale) {
        Slate s = findForUpdate(slateId);
        if (s.status != SlateStatus.REVIEWED) {
            throw ApiException.conflict(s.status == SlateStatus.DRAFT ? "SLATE_NOT_REVIEWED" : "SLATE_LOCKED", s.status);
        }
        s.status = SlateStatus.PUBLISHED;
        s.updatedAt = clock.instant();
        audit.append(s.congressId, "slate.published", "slate", s.id, Map.of());
        return view(s, locale);
    }

    /**
     * Called when a ballot opens on the slate: the slate must have been reviewed, must still meet
     * the surplus rule, and never changes again. Returns the candidates in slate order.
     */
    public List<UUID> freeze(UUID slateId) {
        Slate s = findForUpdate(slateId);
        if (s.status == SlateStatus.DRAFT) {
            throw ApiException.conflict("SLATE_NOT_REVIEWED", s.status);
        }
        List<UUID> items = candidateIds(s.id);
        SurplusRule.check(items.size(), s.seats, s.minSurplus);
        if (s.status != SlateStatus.FROZEN) {
            s.status = SlateStatus.FROZEN;
            s.updatedAt = clock.instant();
            audit.append(s.congressId, "slate.frozen", "slate", s.id, Map.of());
        }
        return items;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SlateView get(UUID slateId, Locale locale) {
        return view(find(slateId), locale);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SlateView> list(UUID pathCongressId, Locale locale) {
        return Slate.<Slate>find("congressId", Sort.descending("year").and("createdAt"), caller.congress(pathCongressId))
                .list().stream().map(s -> view(s, locale)).toList();
    }

    /** Published and frozen slates, for residents. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SlateView> listPublic(String congressCode, Locale locale) {
        UUID congressId = Congress.findByCode(congressCode).orElseThrow(() -> ApiException.notFound("congress")).id;
        return Slate.<Slate>find("congressId = ?1 and status in ?2", Sort.descending("year").and("createdAt"), congressId,
                List.of(SlateStatus.PUBLISHED, SlateStatus.FROZEN)).list().stream().map(s -> view(s, locale)).toList();
    }

    private void compose(Slate s, Composition c) {
        if (new HashSet<>(c.candidateIds()).size() != c.candidateIds().size()) {
            throw ApiException.badRequest("DUPLICATE_CANDIDATE");
        }
        for (UUID id : c.candidateIds()) {
            if (Candidate.count("id = ?1 and congressId = ?2", id, s.congressId) != 1) {
                throw ApiException.badRequest("UNKNOWN_CANDIDATE", id);
            }
        }
        SurplusRule.check(c.candidateIds().size(), c.seats(), c.minSurplus());
        s.title = c.title();
        s.year = c.year();
        s.seats = c.seats();
        s.minSurplus = c.minSurplus();
        s.updatedAt = clock.instant();
        s.persist();
        for (int i = 0; i < c.candidateIds().size(); i++) {
            SlateItem item = new SlateItem();
            item.slateId = s.id;
            item.candidateId = c.candidateIds().get(i);
            item.position = i + 1;
            item.persist();
        }
    }

    private static Map<String, Object> summary(Slate s, Composition c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seats", s.seats);
        m.put("minSurplus", s.minSurplus);
        m.put("candidates", c.candidateIds().stream().map(UUID::toString).toList());
        return m;
    }

    private static List<UUID> candidateIds(UUID slateId) {
        return SlateItem.<SlateItem>find("slateId", Sort.by("position"), slateId).list().stream().map(i -> i.candidateId).toList();
    }

    private Slate find(UUID id) {
        Slate s = caller.scoped(Slate.<Slate>findByIdOptional(id), x -> x.congressId, "slate");
        return s;
    }

    private Slate findForUpdate(UUID id) {
        Slate s = caller.scoped(Slate.<Slate>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE), x -> x.congressId, "slate");
        return s;
    }

    private SlateView view(Slate s, Locale locale) {
        List<CandidateService.CandidateView> items = new ArrayList<>();
        for (UUID id : candidateIds(s.id)) {
            items.add(candidates.view(Candidate.findById(id), locale));
        }
        Review review = s.reviewBody == null ? null : new Review(s.reviewBody, s.reviewDate, s.reviewReference, s.reviewNote);
        return new SlateView(s.id.toString(), s.congressId.toString(), s.year, s.title, s.seats, s.minSurplus, s.status,
                review, items, s.updatedAt);
    }
}
