package cn.minsheng.ballot.evaluation;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.project.Project;
import cn.minsheng.ballot.project.ProjectStatus;
import cn.minsheng.ballot.result.ResultFigures;
import cn.minsheng.ballot.result.ResultPublished;
import cn.minsheng.ballot.tally.BallotKind;
import cn.minsheng.ballot.tally.Outcome;

/**
 * 人大评: when an EVALUATION result is published each rated project gets its outcome; UNSATISFIED
 * sends it into rectification until a later re-evaluation rates it satisfactorily.
 */
@ApplicationScoped
public class EvaluationRecorder {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    void onPublished(@Observes ResultPublished event) {
        if (event.figures().kind() != BallotKind.EVALUATION) {
            return;
        }
        for (ResultFigures.Item item : event.figures().items()) {
            Project p = Project.findById(UUID.fromString(item.itemId()));
            if (p == null || item.outcome() == Outcome.VOID) {
                continue;
            }
            em.createNativeQuery("""
                    INSERT INTO evaluation (project_id, ballot_id, outcome, satisfaction_rate, recorded_at)
                    VALUES (:p, :b, :o, :r, :at)""").setParameter("p", p.id).setParameter("b", event.ballotId())
                    .setParameter("o", item.outcome().name()).setParameter("r", item.satisfactionRate())
                    .setParameter("at", clock.instant()).executeUpdate();
            if (item.outcome() == Outcome.UNSATISFIED && p.status == ProjectStatus.IN_PROGRESS) {
                p.status = ProjectStatus.RECTIFYING;
            } else if (item.outcome() != Outcome.UNSATISFIED && p.status == ProjectStatus.RECTIFYING) {
                p.status = ProjectStatus.IN_PROGRESS;
            }
            audit.appendAsSystem(p.congressId, "project.evaluated", "project", p.id,
                    Map.of("ballot", event.ballotId().toString(), "outcome", item.outcome(), "status", p.status));
        }
    }
}
