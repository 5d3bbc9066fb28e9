package cn.minsheng.ballot.common;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Refuses oversized bodies with a problem+json 413 before they are read. File uploads (roster
 * imports, evidence) get a larger allowance than JSON; the HTTP layer's own limit (quarkus.http.limits.max-body-size) still backs
 * bodies sent without a Content-Length.
 */
public class BodySizeLimit {

    @ConfigProperty(name = "minsheng.http.max-json-body")
    MemorySize maxJson;

    @ConfigProperty(name = "minsheng.http.max-import-body")
    MemorySize maxImport;

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
        long max = (isImport ? maxImport : maxJson).asLongValue();
        if (bytes > max) {
            throw new ApiException(ApiException.Kind.TOO_LARGE, "PAYLOAD_TOO_LARGE", max / 1024);
        }
        return Optional.empty();
    }
}
