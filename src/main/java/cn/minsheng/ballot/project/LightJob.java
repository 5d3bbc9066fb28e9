package cn.minsheng.ballot.project;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * Relights every project under way, so a due date passing turns a light RED without anyone
 * reporting. A transaction-scoped advisory lock makes one replica do it per round.
 */
@ApplicationScoped
public class LightJob {

    static final long LOCK = 0x4d53_4c49_4748_54L;

    @Inject
    ProjectService projects;

    @Inject
    EntityManager em;

    @Scheduled(every = "${minsheng.light.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void relightAll() {
        Boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:k)").setParameter("k", LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(mine)) {
            return;
        }
        List<Project> underWay = Project.list("status in ?1", List.of(ProjectStatus.IN_PROGRESS, ProjectStatus.RECTIFYING));
        underWay.forEach(projects::relight);
    }
}
