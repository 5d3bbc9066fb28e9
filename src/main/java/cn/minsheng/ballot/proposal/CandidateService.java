package cn.minsheng.ballot.proposal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;


import cn.minsheng.ballot.common.Json;
import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.Filter;
import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.PageRequest;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CandidateService {

    public record CandidateView(String id, String proposalId, int year, String title, String summary, String category,
            String categoryLabel, @Schema(nullable = true) String location, String department, BigDecimal estimatedBudget, int plannedYears,
            @Schema(nullable = true) List<String> stageTargets) {
    }


    @Inject
    Caller caller;

    @Inject
    Categories categories;

    @Inject
    Json json;

    public Page<CandidateView> list(UUID pathCongressId, Integer year, String category, String department, PageRequest page,
            Locale locale) {
        return Page.of(query(caller.congress(pathCongressId), year, category, department), page, c -> view(c, locale));
    }

    public List<CandidateView> all(UUID pathCongressId, Integer year, Locale locale) {
        return query(caller.congress(pathCongressId), year, null, null).list().stream().map(c -> view(c, locale)).toList();
    }

    public CandidateView get(UUID candidateId, Locale locale) {
        Candidate c = caller.scoped(Candidate.<Candidate>findByIdOptional(candidateId), x -> x.congressId, "candidate");
        return view(c, locale);
    }

    private static io.quarkus.hibernate.orm.panache.PanacheQuery<Candidate> query(UUID congressId, Integer year,
            String category, String department) {
        Filter f = Filter.where("congressId = :c", "c", congressId).and("year = :year", "year", year)
                .and("category = :category", "category", category).and("department = :department", "department", department);
        return Candidate.find(f.query(), Sort.by("createdAt").and("id"), f.params());
    }

    public CandidateView view(Candidate c, Locale locale) {
        return new CandidateView(c.id.toString(), c.proposalId.toString(), c.year, c.title, c.summary, c.category,
                categories.label(c.category, locale), c.location, c.department, c.estimatedBudget, c.plannedYears,
                json.readList(c.stageTargets, String.class));
    }
}
