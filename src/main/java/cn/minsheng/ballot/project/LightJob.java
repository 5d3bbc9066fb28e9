package cn.minsheng.ballot.project;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Relights every project under way, so a due date passing turns a light RED without anyone
 * reporting. Each round (one period of {@code minsheng.light.every}) runs on exactly one replica:
 * the first to record the round in job_round does the work.
 */
@ApplicationScoped
public class LightJob {

    private static final Logger LOG = Logger.getLogger(LightJob.class);
    /** this process, in the job's log lines and in job_round */
    static final String INSTANCE = System.getenv().getOrDefault("HOSTNAME", "instance") + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    ProjectService projects;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ProjectConfig.Light config;

    @Scheduled(every = "${minsheng.light.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void round() {
        long round = clock.instant().getEpochSecond() / Math.max(1, config.every().toSeconds());
        int claimed = em.createNativeQuery("""
                INSERT INTO job_round (job, round, ran_by, ran_at) VALUES ('light', :round, :by, now())
                ON CONFLICT DO NOTHING""").setParameter("round", round).setParameter("by", INSTANCE).executeUpdate();
        if (claimed == 0) {
            return;
        }
        LOG.infof("light round %d run by %s", round, INSTANCE);
        em.createNativeQuery("DELETE FROM job_round WHERE job = 'light' AND ran_at < now() - interval '2 days'").executeUpdate();
        relightAll();
    }

    @Transactional
    void relightAll() {
        List<Project> underWay = Project.list("status in ?1", List.of(ProjectStatus.IN_PROGRESS, ProjectStatus.RECTIFYING));
        underWay.forEach(projects::relight);
    }
}
