package cn.minsheng.ballot.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;


import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Json;
import cn.minsheng.ballot.common.Today;
import cn.minsheng.ballot.congress.Deputy;
import cn.minsheng.ballot.project.Project;
import cn.minsheng.ballot.project.ProjectService;
import cn.minsheng.ballot.project.ProjectStatus;
import io.quarkus.panache.common.Sort;

/** 人大监督: supervision groups, inspections, the issue list and its closure, and recorded decisions. */
@ApplicationScoped
@Transactional
public class SupervisionService {

    @Inject
    Caller caller;

    @Inject
    ProjectService projects;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Json json;

    @Inject
    Today today;

    @Inject
    SupervisionConfig config;

    public List<UUID> setGroup(UUID projectId, List<UUID> deputyIds) {
        Project p = projects.forUpdate(projectId);
        for (UUID d : deputyIds) {
            if (Deputy.count("id = ?1 and congressId = ?2", d, p.congressId) != 1) {
                throw ApiException.badRequest("UNKNOWN_DEPUTY", d);
            }
        }
        em.createNativeQuery("DELETE FROM supervisor WHERE project_id = :p").setParameter("p", p.id).executeUpdate();
        for (UUID d : new HashSet<>(deputyIds)) {
            em.createNativeQuery("INSERT INTO supervisor (project_id, deputy_id) VALUES (:p, :d)").setParameter("p", p.id)
                    .setParameter("d", d).executeUpdate();
        }
        audit.append(p.congressId, "supervision.group", "project", p.id,
                Map.of("deputies", deputyIds.stream().map(UUID::toString).sorted().toList()));
        return group(p.id);
    }

    public Inspection inspect(UUID projectId, LocalDate on, List<UUID> participants, String findings, List<UUID> evidenceIds) {
        Project p = projects.find(projectId);
        requireMember(p);
        List<UUID> group = group(p.id);
        if (!group.containsAll(participants)) {
            throw ApiException.badRequest("NOT_IN_GROUP_PARTICIPANT");
        }
        projects.requireEvidence(p, evidenceIds);
        Inspection i = new Inspection();
        i.projectId = p.id;
        i.inspectedOn = on;
        i.participants = json.write(participants.stream().map(UUID::toString).toList());
        i.findings = findings;
        i.evidenceIds = json.write(evidenceIds.stream().map(UUID::toString).toList());
        i.recordedBy = caller.accountId();
        i.createdAt = clock.instant();
        i.persist();
        audit.append(p.congressId, "inspection.recorded", "project", p.id, Map.of("inspection", i.id.toString()));
        return i;
    }

    public ProjectIssue raise(UUID projectId, String title, String description, LocalDate answerDue) {
        Project p = projects.find(projectId);
        UUID deputy = requireMember(p);
        ProjectIssue i = new ProjectIssue();
        i.projectId = p.id;
        i.title = title;
        i.description = description;
        i.status = ProjectIssue.Status.OPEN;
        i.raisedBy = deputy;
        i.raisedAt = clock.instant();
        i.answerDue = answerDue != null ? answerDue : today.date().plusDays(config.answerDays());
        i.persist();
        audit.append(p.congressId, "issue.raised", "issue", i.id, Map.of("project", p.id.toString()));
        return i;
    }

    public ProjectIssue answer(UUID projectId, UUID issueId, String answer) {
        Project p = projects.forDepartmentWrite(projectId);
        ProjectIssue i = issueForUpdate(p, issueId);
        if (i.status != ProjectIssue.Status.OPEN) {
            throw ApiException.conflict("ISSUE_NOT_OPEN", i.status);
        }
        i.status = ProjectIssue.Status.ANSWERED;
        i.answer = answer;
        i.answeredAt = clock.instant();
        audit.append(p.congressId, "issue.answered", "issue", i.id, Map.of());
        return i;
    }

    /** 销号: the group accepts the rectification, or sends the issue back (reopen). */
    public ProjectIssue close(UUID projectId, UUID issueId, String note, boolean reopen) {
        Project p = projects.find(projectId);
        requireMember(p);
        ProjectIssue i = issueForUpdate(p, issueId);
        if (reopen) {
            if (i.status == ProjectIssue.Status.OPEN) {
                throw ApiException.conflict("ISSUE_NOT_ANSWERED", i.status);
            }
            i.status = ProjectIssue.Status.OPEN;
            i.reopened++;
            i.closedAt = null;
            i.answerDue = today.date().plusDays(config.answerDays());
        } else {
            if (i.status != ProjectIssue.Status.ANSWERED) {
                throw ApiException.conflict("ISSUE_NOT_ANSWERED", i.status);
            }
            i.status = ProjectIssue.Status.CLOSED;
            i.closedAt = clock.instant();
        }
        i.closingNote = note;
        audit.append(p.congressId, reopen ? "issue.reopened" : "issue.closed", "issue", i.id, Map.of());
        return i;
    }

    /** A major change, suspension, resumption or termination, with the body, date and reference that decided it. */
    public Decision decide(UUID projectId, Decision.Kind kind, String body, LocalDate on, String reference, String summary) {
        Project p = projects.forUpdate(projectId);
        ProjectStatus next = switch (kind) {
            case CHANGE -> p.status;
            case SUSPEND -> ProjectStatus.SUSPENDED;
            case RESUME -> ProjectStatus.IN_PROGRESS;
            case TERMINATE -> ProjectStatus.TERMINATED;
        };
        boolean allowed = switch (kind) {
            case CHANGE, SUSPEND, TERMINATE -> p.status == ProjectStatus.IN_PROGRESS || p.status == ProjectStatus.RECTIFYING
                    || (kind == Decision.Kind.TERMINATE && p.status == ProjectStatus.SUSPENDED);
            case RESUME -> p.status == ProjectStatus.SUSPENDED;
        };
        if (!allowed) {
            throw ApiException.conflict("DECISION_NOT_APPLICABLE", kind, p.status);
        }
        Decision d = new Decision();
        d.projectId = p.id;
        d.kind = kind;
        d.body = body;
        d.decidedOn = on;
        d.reference = reference;
        d.summary = summary;
        d.createdAt = clock.instant();
        d.persist();
        p.status = next;
        p.updatedAt = clock.instant();
        audit.append(p.congressId, "decision.recorded", "project", p.id,
                Map.of("kind", kind, "body", body, "decidedOn", on.toString(), "status", next));
        return d;
    }

    public List<UUID> group(UUID projectId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT deputy_id FROM supervisor WHERE project_id = :p ORDER BY deputy_id")
                .setParameter("p", projectId).getResultList();
        return ids;
    }

    /** A member of a supervision group: the id an inspection names and the name a person reads. */
    public record Supervisor(String id, String name, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String delegation) {
    }

    /** The group's members with their ids, for the congress's own deputies and secretariat. */
    public List<Supervisor> members(UUID projectId) {
        Project p = projects.find(projectId);
        List<UUID> ids = group(p.id);
        return ids.isEmpty() ? List.of()
                : Deputy.<Deputy>list("id in ?1", Sort.by("name").and("id"), ids).stream()
                        .map(d -> new Supervisor(d.id.toString(), d.name, d.delegation)).toList();
    }

    /** The names of the group's deputies, as the public reads them. */
    public List<String> groupNames(UUID projectId) {
        return names(group(projectId));
    }

    /** Deputies' names by their ids (an inspection's participants), by name, as the public reads them. */
    public List<String> names(List<UUID> deputyIds) {
        return deputyIds.isEmpty() ? List.of()
                : Deputy.<Deputy>list("id in ?1", Sort.by("name").and("id"), deputyIds).stream().map(d -> d.name).toList();
    }

    private UUID requireMember(Project p) {
        UUID deputy = caller.requireDeputy();
        if (!group(p.id).contains(deputy)) {
            throw new ApiException(ApiException.Kind.FORBIDDEN, "NOT_IN_GROUP");
        }
        return deputy;
    }

    private static ProjectIssue issueForUpdate(Project p, UUID issueId) {
        ProjectIssue i = ProjectIssue.<ProjectIssue>findByIdOptional(issueId, LockModeType.PESSIMISTIC_WRITE)
                .filter(x -> x.projectId.equals(p.id)).orElseThrow(() -> ApiException.notFound("issue"));
        return i;
    }
}
