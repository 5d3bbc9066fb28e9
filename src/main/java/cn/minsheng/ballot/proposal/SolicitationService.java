package cn.minsheng.ballot.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.congress.Congress;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional
public class SolicitationService {

    public record SolicitationView(String id, String congressId, int year, String title, @Schema(nullable = true) String notice, Instant opensAt,
            Instant closesAt, boolean open) {
        static SolicitationView of(Solicitation s, Instant now) {
            return new SolicitationView(s.id.toString(), s.congressId.toString(), s.year, s.title, s.notice, s.opensAt,
                    s.closesAt, s.isOpenAt(now));
        }
    }

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public SolicitationView open(UUID pathCongressId, int year, String title, String notice, Instant opensAt, Instant closesAt) {
        UUID congressId = caller.congress(pathCongressId);
        if (!closesAt.isAfter(opensAt)) {
            throw ApiException.badRequest("WINDOW_INVALID");
        }
        Solicitation s = new Solicitation();
        s.congressId = congressId;
        s.year = year;
        s.title = title;
        s.notice = notice == null ? "" : notice;
        s.opensAt = opensAt;
        s.closesAt = closesAt;
        s.createdAt = clock.instant();
        s.persist();
        audit.append(congressId, "solicitation.opened", "solicitation", s.id,
                Map.of("year", year, "title", title, "opensAt", opensAt.toString(), "closesAt", closesAt.toString()));
        return SolicitationView.of(s, clock.instant());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SolicitationView> list(UUID pathCongressId) {
        return listOf(caller.congress(pathCongressId));
    }

    /** Every window of a congress, newest first: the public sees notices of past windows too. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SolicitationView> listPublic(String congressCode) {
        return listOf(Congress.findByCode(congressCode).orElseThrow(() -> ApiException.notFound("congress")).id);
    }

    private List<SolicitationView> listOf(UUID congressId) {
        Instant now = clock.instant();
        return Solicitation.<Solicitation>find("congressId", Sort.descending("opensAt"), congressId).list().stream()
                .map(s -> SolicitationView.of(s, now)).toList();
    }
}
