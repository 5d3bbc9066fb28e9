package cn.minsheng.ballot.overview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.minsheng.ballot.common.Json;
import cn.minsheng.ballot.common.Today;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Messages;
import cn.minsheng.ballot.congress.Congress;
import cn.minsheng.ballot.evaluation.Evaluations;
import cn.minsheng.ballot.project.Light;
import cn.minsheng.ballot.project.Milestone;
import cn.minsheng.ballot.project.ProgressReport;
import cn.minsheng.ballot.project.Project;
import cn.minsheng.ballot.project.ProjectService;
import cn.minsheng.ballot.project.ProjectStatus;
import cn.minsheng.ballot.proposal.Categories;
import cn.minsheng.ballot.supervision.Decision;
import cn.minsheng.ballot.supervision.Inspection;
import cn.minsheng.ballot.supervision.ProjectIssue;
import cn.minsheng.ballot.supervision.SupervisionService;
import cn.minsheng.ballot.tally.Fraction;
import cn.minsheng.ballot.tally.Outcome;
import io.quarkus.panache.common.Sort;

/** What the public API shows of a project: everything about delivery, nothing personal. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProjectViews {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProjectSummary", requiredProperties = { "id", "year", "title", "category", "categoryLabel", "department", "plannedYears", "stageYear", "status", "light", "progress" })
    public record Summary(String id, int year, String title, String category, String categoryLabel, String department,
            String leadOfficial, BigDecimal budgetPlanned, BigDecimal budgetSpent, String targets, LocalDate startsOn,
            LocalDate endsOn, int plannedYears, int stageYear, String stageTarget, ProjectStatus status, Light light,
            BigDecimal progress, String parentId, String carriedFrom, String latestEvaluation) {
    }

    public record MilestoneView(String id, String title, LocalDate dueOn, int weight, BigDecimal progress, boolean overdue) {
    }

    public record ReportView(String id, @Schema(nullable = true) String milestoneId, BigDecimal percent, @Schema(nullable = true) BigDecimal previous, @Schema(nullable = true) String note, @Schema(nullable = true) String reason,
            List<String> evidenceIds, Instant reportedAt) {
    }

    /** participants: the deputies' names, by name. */
    public record InspectionView(String id, LocalDate inspectedOn, List<String> participants, String findings,
            List<String> evidenceIds) {
    }

    public record IssueView(String id, String title, String description, ProjectIssue.Status status, @Schema(nullable = true) LocalDate answerDue,
            boolean answerOverdue, @Schema(nullable = true) String answer, @Schema(nullable = true) Instant answeredAt, @Schema(nullable = true) Instant closedAt, @Schema(nullable = true) String closingNote, int reopened) {
    }

    public record DecisionView(String id, Decision.Kind kind, String body, LocalDate decidedOn, @Schema(nullable = true) String reference,
            String summary) {
    }

    /** outcome is the code; outcomeLabel the word a person reads; satisfactionPercent e.g. "85.71" (of valid ballots). */
    public record EvaluationView(String ballotId, String outcome, String outcomeLabel, @Schema(nullable = true) String satisfactionRate,
            @Schema(nullable = true) String satisfactionPercent, Instant recordedAt) {
    }

    /** supervisionGroup: the names of the deputies in the project's supervision group. */
    @Schema(name = "ProjectDetail")
    public record Detail(Summary project, List<Summary> subprojects, List<MilestoneView> milestones, List<ReportView> reports,
            List<String> supervisionGroup, List<InspectionView> inspections, List<IssueView> issues,
            List<DecisionView> decisions, List<EvaluationView> evaluations) {
    }

    public record Dashboard(long green, long amber, long red, List<Summary> projects) {
    }

    @Inject
    ProjectService projects;

    @Inject
    SupervisionService supervision;

    @Inject
    Categories categories;

    @Inject
    Json json;

    @Inject
    Today today;

    @Inject
    Evaluations evaluations;

    public Summary summary(Project p, Locale locale) {
        List<String> stages = projects.stageTargets(p);
        return new Summary(p.id.toString(), p.year, p.title, p.category, p.category == null ? null : categories.label(p.category, locale),
                p.department, p.leadOfficial, p.budgetPlanned, p.budgetSpent, p.targets, p.startsOn, p.endsOn, p.plannedYears,
                p.stageYear, stages.size() >= p.stageYear ? stages.get(p.stageYear - 1) : null, p.status, p.light, p.progress,
                str(p.parentId), str(p.carriedFrom), projects.latestEvaluation(p.id));
    }

    public Detail detail(UUID projectId, Locale locale) {
        Project p = projects.findPublic(projectId);
        LocalDate today = this.today.date();
        List<Summary> subs = Project.<Project>find("parentId", Sort.by("createdAt"), p.id).list().stream()
                .map(s -> summary(s, locale)).toList();
        List<MilestoneView> milestones = Milestone.<Milestone>find("projectId", Sort.by("dueOn").and("createdAt"), p.id).list()
                .stream().map(m -> new MilestoneView(m.id.toString(), m.title, m.dueOn, m.weight, m.progress,
                        m.progress.compareTo(BigDecimal.valueOf(100)) < 0 && m.dueOn.isBefore(today)))
                .toList();
        List<ReportView> reports = ProgressReport.<ProgressReport>find("projectId", Sort.descending("reportedAt"), p.id).list()
                .stream().map(r -> new ReportView(r.id.toString(), r.milestoneId.toString(), r.percent, r.previous, r.note,
                        r.reason, strings(r.evidenceIds), r.reportedAt))
                .toList();
        List<InspectionView> inspections = Inspection.<Inspection>find("projectId", Sort.by("inspectedOn"), p.id).list().stream()
                .map(i -> new InspectionView(i.id.toString(), i.inspectedOn,
                        supervision.names(strings(i.participants).stream().map(UUID::fromString).toList()), i.findings,
                        strings(i.evidenceIds)))
                .toList();
        List<IssueView> issues = ProjectIssue.<ProjectIssue>find("projectId", Sort.by("raisedAt"), p.id).list().stream()
                .map(i -> new IssueView(i.id.toString(), i.title, i.description, i.status, i.answerDue,
                        i.status == ProjectIssue.Status.OPEN && i.answerDue.isBefore(today), i.answer, i.answeredAt, i.closedAt,
                        i.closingNote, i.reopened))
                .toList();
        List<DecisionView> decisions = Decision.<Decision>find("projectId", Sort.by("decidedOn").and("createdAt"), p.id).list()
                .stream().map(d -> new DecisionView(d.id.toString(), d.kind, d.body, d.decidedOn, d.reference, d.summary)).toList();
        List<EvaluationView> evaluations = this.evaluations.of(p.id).stream().map(e -> new EvaluationView(e.ballotId().toString(),
                e.outcome(), Messages.word(locale, Outcome.valueOf(e.outcome())).toString(), e.satisfactionRate(),
                e.satisfactionRate() == null ? null : Fraction.parse(e.satisfactionRate()).percent(), e.recordedAt())).toList();
        return new Detail(summary(p, locale), subs, milestones, reports, supervision.groupNames(p.id), inspections, issues,
                decisions, evaluations);
    }

    public List<Summary> list(String congressCode, Integer year, Light light, ProjectStatus status, String department,
            Locale locale) {
        UUID congressId = Congress.findByCode(congressCode).orElseThrow(() -> ApiException.notFound("congress")).id;
        return projects.listOf(congressId, year, light, status, department).stream().map(p -> summary(p, locale)).toList();
    }

    /** 挂图作战: counts by light, and the projects with the reddest first. */
    public Dashboard dashboard(UUID congressId, Integer year, Locale locale) {
        List<Project> all = projects.listOf(congressId, year, null, null, null);
        List<Summary> sorted = all.stream()
                .sorted((a, b) -> Integer.compare(b.light.ordinal(), a.light.ordinal()))
                .map(p -> summary(p, locale)).toList();
        return new Dashboard(count(all, Light.GREEN), count(all, Light.AMBER), count(all, Light.RED), sorted);
    }

    private static long count(List<Project> all, Light light) {
        return all.stream().filter(p -> p.light == light).count();
    }

    private List<String> strings(String text) {
        return json.readList(text, String.class);
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
