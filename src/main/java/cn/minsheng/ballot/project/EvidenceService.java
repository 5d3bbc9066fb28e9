package cn.minsheng.ballot.project;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;

/** Photos and PDFs as evidence of progress and inspections: JPEG, PNG or PDF, checked by their first bytes. */
@ApplicationScoped
@Transactional
public class EvidenceService {

    @Schema(name = "StoredEvidence")
    public record Stored(String id, String contentType, int size) {
    }

    private static final Map<String, byte[]> MAGIC = Map.of(
            "image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF },
            "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' },
            "application/pdf", new byte[] { '%', 'P', 'D', 'F' });

    @Inject
    Caller caller;

    @Inject
    ProjectService projects;

    @Inject
    Supervisors supervisors;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    ProjectConfig.Evidence config;

    public Stored upload(UUID projectId, byte[] data, String contentType, String filename) {
        Project p;
        if (caller.is(Role.DEPUTY)) {
            p = projects.find(projectId);
            UUID deputy = caller.requireDeputy();
            if (!supervisors.supervises(p.id, deputy)) {
                throw new ApiException(ApiException.Kind.FORBIDDEN, "NOT_IN_GROUP");
            }
        } else {
            p = projects.forDepartmentWrite(projectId);
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        byte[] magic = MAGIC.get(type);
        if (magic == null || data.length < magic.length || !java.util.Arrays.equals(data, 0, magic.length, magic, 0, magic.length)) {
            throw new ApiException(ApiException.Kind.UNSUPPORTED_TYPE, "FILE_TYPE_NOT_ALLOWED", type);
        }
        if (data.length > config.maxBytes()) {
            throw new ApiException(ApiException.Kind.TOO_LARGE, "FILE_TOO_LARGE", config.maxBytes() / 1024);
        }
        Evidence e = new Evidence();
        e.projectId = p.id;
        e.contentType = type;
        e.size = data.length;
        e.filename = filename;
        e.data = data;
        e.uploadedBy = caller.accountId();
        e.uploadedAt = clock.instant();
        e.persist();
        audit.append(p.congressId, "evidence.uploaded", "project", p.id,
                Map.of("evidence", e.id.toString(), "type", type, "size", data.length));
        return new Stored(e.id.toString(), type, data.length);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Evidence get(UUID evidenceId) {
        return Evidence.<Evidence>findByIdOptional(evidenceId).orElseThrow(() -> ApiException.notFound("evidence"));
    }
}
