package cn.minsheng.ballot.common;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses oversized bodies with a problem+json 413 before they are read. File uploads (roster
 * imports, evidence) get a larger allowance than JSON; the HTTP layer's own limit (quarkus.http.limits.max-body-size) still backs
 * bodies sent without a Content-Length.
 */
public class BodySizeLimit {

    @Inject
    HttpConfig config;

    @ServerRequestFilter(preMatching = true)
    public Optional<jakarta.ws.rs.core.Response> limit(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("BAD_REQUEST", "Content-Length");
        }
        String path = request.getUriInfo().getPath();
        boolean isImport = path.endsWith("/import") || path.endsWith("/evidence");
        long max = (isImport ? config.maxImportBody() : config.maxJsonBody()).asLongValue();
        if (bytes > max) {
            throw new ApiException(ApiException.Kind.TOO_LARGE, "PAYLOAD_TOO_LARGE", max / 1024);
        }
        return Optional.empty();
    }
}
