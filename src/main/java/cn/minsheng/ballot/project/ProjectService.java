package cn.minsheng.ballot.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;



import cn.minsheng.ballot.common.Json;
import cn.minsheng.ballot.common.Today;
import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.proposal.Candidate;
import cn.minsheng.ballot.result.ResultFigures;
import cn.minsheng.ballot.result.ResultPublished;
import cn.minsheng.ballot.tally.BallotKind;
import cn.minsheng.ballot.tally.Outcome;
import io.quarkus.panache.common.Sort;

/**
 * Projects: born from a published selection, kept by their responsible department (plan,
 * sub-items, milestones, progress), lit GREEN / AMBER / RED, closed or carried into next year.
 */
@ApplicationScoped
@Transactional
public class ProjectService {

    public record Plan(String leadOfficial, BigDecimal budgetPlanned, BigDecimal budgetSpent, String targets,
            LocalDate startsOn, LocalDate endsOn) {
    }

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Json json;

    @Inject
    Clock clock;

    @Inject
    EvaluationOutcomes evaluations;

    @Inject
    Today today;

    @Inject
    ProjectConfig.Light lightConfig;

    /** Every SELECTED item of a published selection becomes a project of the candidate's year. */
    void onPublished(@Observes ResultPublished event) {
        if (event.figures().kind() != BallotKind.SELECTION) {
            return;
        }
        for (ResultFigures.Item item : event.figures().items()) {
            if (item.outcome() != Outcome.SELECTED) {
                continue;
            }
            Candidate c = Candidate.findById(UUID.fromString(item.itemId()));
            Project p = start(event.congressId(), c.year, c.title, c.category, c.department, c.plannedYears, 1, c.stageTargets);
            p.candidateId = c.id;
            p.ballotId = event.ballotId();
            p.budgetPlanned = c.estimatedBudget;
            p.budgetSpent = BigDecimal.ZERO;
            p.persist();
            audit.appendAsSystem(p.congressId, "project.created", "project", p.id,
                    Map.of("ballot", event.ballotId().toString(), "candidate", c.id.toString()));
        }
    }

    /** A partial update: a field the client did not send (null) keeps what the project has. */
    public Project updatePlan(UUID projectId, Plan plan) {
        Project p = forDepartmentWrite(projectId);
        LocalDate startsOn = plan.startsOn() != null ? plan.startsOn() : p.startsOn;
        LocalDate endsOn = plan.endsOn() != null ? plan.endsOn() : p.endsOn;
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw ApiException.badRequest("PLAN_DATES_INVALID");
        }
        p.leadOfficial = plan.leadOfficial() != null ? plan.leadOfficial() : p.leadOfficial;
        p.budgetPlanned = plan.budgetPlanned() != null ? plan.budgetPlanned() : p.budgetPlanned;
        p.budgetSpent = plan.budgetSpent() != null ? plan.budgetSpent() : p.budgetSpent;
        p.targets = plan.targets() != null ? plan.targets() : p.targets;
        p.startsOn = startsOn;
        p.endsOn = endsOn;
        p.updatedAt = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("leadOfficial", String.valueOf(p.leadOfficial));
        details.put("budgetPlanned", String.valueOf(p.budgetPlanned));
        details.put("budgetSpent", String.valueOf(p.budgetSpent));
        details.put("startsOn", String.valueOf(p.startsOn));
        details.put("endsOn", String.valueOf(p.endsOn));
        audit.append(p.congressId, "project.plan", "project", p.id, details);
        refresh(p);
        return p;
    }

    /** 子项目: a part of the project with its own milestones, rolled up into the parent by weight. */
    public Project addSubproject(UUID projectId, String title, int weight) {
        Project parent = forDepartmentWrite(projectId);
        if (parent.parentId != null) {
            throw ApiException.badRequest("SUBPROJECT_DEPTH");
        }
        Project p = start(parent.congressId, parent.year, title, parent.category, parent.department, 1, 1, "[]");
        p.parentId = parent.id;
        p.weight = weight;
        p.persist();
        audit.append(p.congressId, "project.subproject", "project", parent.id, Map.of("subproject", p.id.toString()));
        refresh(parent);
        return p;
    }

    public Milestone addMilestone(UUID projectId, String title, LocalDate dueOn, int weight) {
        Project p = forDepartmentWrite(projectId);
        Milestone m = new Milestone();
        m.projectId = p.id;
        m.title = title;
        m.dueOn = dueOn;
        m.weight = weight;
        m.progress = BigDecimal.ZERO;
        m.createdAt = clock.instant();
        m.persist();
        audit.append(p.congressId, "milestone.added", "project", p.id,
                Map.of("milestone", m.id.toString(), "dueOn", dueOn.toString(), "weight", weight));
        refresh(p);
        return m;
    }

    /** A progress report on one milestone; going backwards needs a reason. */
    public ProgressReport report(UUID projectId, UUID milestoneId, BigDecimal percent, String note, String reason,
            List<UUID> evidenceIds) {
        Project p = forDepartmentWrite(projectId);
        Milestone m = Milestone.<Milestone>find("id = ?1 and projectId = ?2", milestoneId, p.id).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("milestone"));
        if (percent.compareTo(m.progress) < 0 && (reason == null || reason.isBlank())) {
            throw ApiException.badRequest("PROGRESS_BACKWARDS", m.progress.stripTrailingZeros().toPlainString());
        }
        requireEvidence(p, evidenceIds);
        ProgressReport r = new ProgressReport();
        r.projectId = p.id;
        r.milestoneId = m.id;
        r.percent = percent;
        r.previous = m.progress;
        r.note = note;
        r.reason = reason;
        r.evidenceIds = json.write(evidenceIds.stream().map(UUID::toString).toList());
        r.reportedBy = caller.accountId();
        r.reportedAt = clock.instant();
        r.persist();
        m.progress = percent;
        audit.append(p.congressId, "progress.reported", "project", p.id,
                Map.of("milestone", m.id.toString(), "percent", percent.toPlainString(), "previous", r.previous.toPlainString()));
        refresh(p);
        return r;
    }

    public Project close(UUID projectId) {
        Project p = forUpdate(projectId);
        String last = latestEvaluation(p.id);
        boolean satisfied = "SATISFIED".equals(last) || "BASICALLY_SATISFIED".equals(last);
        if (p.status != ProjectStatus.IN_PROGRESS || p.progress.compareTo(BigDecimal.valueOf(100)) < 0 || !satisfied) {
            throw ApiException.conflict("NOT_CLOSABLE", p.status, p.progress.stripTrailingZeros().toPlainString(), last == null ? "none" : Outcome.valueOf(last));
        }
        p.status = ProjectStatus.CLOSED;
        p.updatedAt = clock.instant();
        audit.append(p.congressId, "project.closed", "project", p.id, Map.of("evaluation", last));
        return p;
    }

    /** 跨年度: the next stage becomes next year's project; this one is CARRIED_OVER. */
    public Project carryOver(UUID projectId) {
        Project p = forUpdate(projectId);
        if (p.status != ProjectStatus.IN_PROGRESS || p.stageYear >= p.plannedYears) {
            throw ApiException.conflict("NOT_CROSS_YEAR", p.stageYear, p.plannedYears);
        }
        Project next = start(p.congressId, p.year + 1, p.title, p.category, p.department, p.plannedYears, p.stageYear + 1,
                p.stageTargets);
        next.candidateId = p.candidateId;
        next.carriedFrom = p.id;
        next.leadOfficial = p.leadOfficial;
        next.budgetPlanned = p.budgetPlanned;
        next.budgetSpent = p.budgetSpent;
        next.targets = p.targets;
        next.persist();
        p.status = ProjectStatus.CARRIED_OVER;
        p.updatedAt = clock.instant();
        audit.append(p.congressId, "project.carried_over", "project", p.id, Map.of("next", next.id.toString(),
                "stageYear", next.stageYear));
        return next;
    }

    /** A project (or a year's stage, or a sub-item) starting now: under way, GREEN, nothing done yet. */
    private Project start(UUID congressId, int year, String title, String category, String department, int plannedYears,
            int stageYear, String stageTargets) {
        Project p = new Project();
        p.congressId = congressId;
        p.year = year;
        p.title = title;
        p.category = category;
        p.department = department;
        p.plannedYears = plannedYears;
        p.stageYear = stageYear;
        p.stageTargets = stageTargets;
        p.weight = 1;
        p.status = ProjectStatus.IN_PROGRESS;
        p.light = Light.GREEN;
        p.progress = BigDecimal.ZERO;
        p.createdAt = clock.instant();
        p.updatedAt = p.createdAt;
        return p;
    }

    /** Recomputes the weighted progress (milestones and sub-items), the light, then the parent's. */
    public void refresh(Project p) {
        BigDecimal weighted = BigDecimal.ZERO;
        long weights = 0;
        for (Milestone m : Milestone.<Milestone>list("projectId", p.id)) {
            weighted = weighted.add(m.progress.multiply(BigDecimal.valueOf(m.weight)));
            weights += m.weight;
        }
        for (Project sub : Project.<Project>list("parentId", p.id)) {
            weighted = weighted.add(sub.progress.multiply(BigDecimal.valueOf(sub.weight)));
            weights += sub.weight;
        }
        p.progress = weights == 0 ? BigDecimal.ZERO : weighted.divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
        relight(p);
        if (p.parentId != null) {
            refresh(Project.findById(p.parentId));
        }
    }

    /** Sets the light for today; a change is audited. Only projects under way have one that moves. */
    public void relight(Project p) {
        if (p.status != ProjectStatus.IN_PROGRESS && p.status != ProjectStatus.RECTIFYING) {
            return;
        }
        List<StatusLight.MilestoneState> milestones = Milestone.<Milestone>list("projectId", p.id).stream()
                .map(m -> new StatusLight.MilestoneState(m.dueOn, m.progress)).toList();
        List<StatusLight.MilestoneState> all = new ArrayList<>(milestones);
        for (Project sub : Project.<Project>list("parentId", p.id)) {
            Milestone.<Milestone>list("projectId", sub.id).forEach(m -> all.add(new StatusLight.MilestoneState(m.dueOn, m.progress)));
        }
        Light light = StatusLight.of(today.date(), p.startsOn, p.endsOn, p.progress, all, lightConfig.lagMarginPercent(), lightConfig.dueSoonDays());
        if (light != p.light) {
            audit.appendAsSystem(p.congressId, "project.light", "project", p.id, Map.of("from", p.light, "to", light));
            p.light = light;
        }
    }

    public String latestEvaluation(UUID projectId) {
        return evaluations.latest(projectId).orElse(null);
    }

    /** A project of the caller's congress (another congress's answers 404). */
    public Project find(UUID id) {
        Project p = findPublic(id);
        caller.requireSameCongress(p.congressId, "project");
        return p;
    }

    /** Any project, for the public API: everything about delivery is public. */
    public Project findPublic(UUID id) {
        return Project.<Project>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("project"));
    }

    public Project forUpdate(UUID id) {
        Project p = caller.scoped(Project.<Project>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE), x -> x.congressId, "project");
        return p;
    }

    /** The responsible department writes its own projects only (the secretariat may too). */
    public Project forDepartmentWrite(UUID id) {
        Project p = forUpdate(id);
        if (caller.is(Role.DEPARTMENT) && !caller.department().filter(p.department::equals).isPresent()) {
            throw new ApiException(ApiException.Kind.FORBIDDEN, "NOT_RESPONSIBLE", p.department);
        }
        if (p.status == ProjectStatus.TERMINATED || p.status == ProjectStatus.CLOSED || p.status == ProjectStatus.CARRIED_OVER) {
            throw ApiException.conflict("PROJECT_ENDED", p.status);
        }
        return p;
    }

    public List<String> stageTargets(Project p) {
        return json.readList(p.stageTargets, String.class);
    }

    /** Evidence named by a report or an inspection must have been uploaded to this project. */
    public void requireEvidence(Project p, List<UUID> evidenceIds) {
        for (UUID e : evidenceIds) {
            if (Evidence.count("id = ?1 and projectId = ?2", e, p.id) != 1) {
                throw ApiException.badRequest("UNKNOWN_EVIDENCE", e);
            }
        }
    }

    public List<Project> listOf(UUID congressId, Integer year, Light light, ProjectStatus status, String department) {
        cn.minsheng.ballot.common.Filter f = cn.minsheng.ballot.common.Filter.where("congressId = :c and parentId is null", "c",
                congressId).and("year = :y", "y", year).and("light = :l", "l", light).and("status = :s", "s", status)
                .and("department = :d", "d", department);
        return Project.<Project>find(f.query(), Sort.by("year").and("title").and("id"), f.params()).list();
    }
}
