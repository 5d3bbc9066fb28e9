package cn.minsheng.ballot.common;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A NUL character cannot be stored or compared by PostgreSQL (it answers "invalid byte sequence");
 * one in a path or query is refused with 400 INVALID_CHARACTER before anything reads it. NULs in a
 * JSON body reach the database and are answered the same way by {@link ProblemMapper}.
 */
public class NulGuard {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseNul(ContainerRequestContext request) {
        java.net.URI uri = request.getUriInfo().getRequestUri();
        if (hasNul(uri.getRawPath()) || hasNul(uri.getRawQuery())) {
            throw ApiException.badRequest("INVALID_CHARACTER");
        }
        return Optional.empty();
    }

    static boolean hasNul(String raw) {
        return raw != null && (raw.indexOf('\0') >= 0 || raw.toLowerCase(Locale.ROOT).contains("%00"));
    }
}
