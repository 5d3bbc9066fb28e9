package cn.minsheng.ballot.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every refusal into application/problem+json with a stable code. Each exception type is
 * mapped on its own: a catch-all would also swallow the security layer's 401 and 403.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** Unique and check constraints, by name, to the code the client sees. */
    private static final Map<String, String> CONSTRAINT_CODES = Map.of(
            "congress_code_key", "CONGRESS_CODE_TAKEN",
            "deputy_code_key", "DEPUTY_CODE_TAKEN",
            "account_username_key", "USERNAME_TAKEN",
            "account_deputy_key", "DEPUTY_HAS_ACCOUNT",
            "candidate_proposal_key", "ALREADY_SCREENED",
            "participation_once_key", "ALREADY_VOTED",
            // raised by triggers (V3): a closed ballot takes no writes, a published result never changes
            "ballot_not_open", "BALLOT_CLOSED",
            "result_published", "RESULT_FINAL");

    @ServerExceptionMapper
    public Response api(ApiException e, HttpHeaders headers, UriInfo uri) {
        Response response = problem(status(e.kind()), e.code(), locale(headers), uri, e.errors(), e.args());
        if (e instanceof RetryAfter later) {
            return Response.fromResponse(response).header("Retry-After", later.retryAfterSeconds()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(FieldError.of(fieldOf(v.getPropertyPath().toString()), v.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return problem(400, "VALIDATION_FAILED", locale(headers), uri, errors);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        return problem(400, "UNKNOWN_FIELD", locale, uri,
                List.of(FieldError.of(pathOf(e), Messages.text(locale, "field.unknown"))), e.getPropertyName());
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        return problem(400, "INVALID_VALUE", locale, uri,
                List.of(FieldError.of(pathOf(e), Messages.text(locale, "field.invalid", String.valueOf(e.getValue())))));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        String field = pathOf(e);
        if (field.isEmpty()) {
            return problem(400, "MALFORMED_JSON", locale, uri, List.of());
        }
        return problem(400, "WRONG_TYPE", locale, uri, List.of(FieldError.of(field, Messages.text(locale, "field.wrongType"))));
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        return problem(400, "INVALID_VALUE", locale, uri,
                List.of(FieldError.of(pathOf(e), Messages.text(locale, "field.invalid", ""))));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return problem(400, "MALFORMED_JSON", locale(headers), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return unauthenticated(headers, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return unauthenticated(headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return problem(403, "FORBIDDEN", locale(headers), uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        // the JSON reader wraps Jackson's own exceptions; answer those with the precise code
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof UnrecognizedPropertyException u) {
                return unknownField(u, headers, uri);
            } else if (t instanceof InvalidFormatException i) {
                return invalidValue(i, headers, uri);
            } else if (t instanceof MismatchedInputException m) {
                return wrongType(m, headers, uri);
            } else if (t instanceof JsonMappingException m) {
                return mapping(m, headers, uri);
            } else if (t instanceof JsonProcessingException p) {
                return malformed(p, headers, uri);
            }
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        Response response = problem(status, code, locale(headers), uri, List.of(), "");
        Response.ResponseBuilder builder = Response.fromResponse(response);
        if (original.getHeaderString("Allow") != null) {
            builder.header("Allow", original.getHeaderString("Allow"));
        }
        return builder.build();
    }

    /** Unique violations surface at flush or commit, wrapped several times; find the database's own words. */
    @ServerExceptionMapper({ jakarta.persistence.PersistenceException.class, jakarta.transaction.RollbackException.class,
            jakarta.transaction.TransactionalException.class, io.quarkus.arc.ArcUndeclaredThrowableException.class })
    public Response persistence(Exception e, HttpHeaders headers, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                String name = cve.getConstraintName() == null ? "" : cve.getConstraintName();
                return problem(409, CONSTRAINT_CODES.getOrDefault(name, "CONFLICT"), locale(headers), uri, List.of(), name);
            }
            if (t instanceof ApiException api) {
                return api(api, headers, uri);
            }
            if (t instanceof java.sql.SQLException sql && DatabaseFailures.isBadCharacter(sql)) {
                return api(ApiException.badRequest("INVALID_CHARACTER"), headers, uri);
            }
            if (t instanceof org.postgresql.util.PSQLException pg && pg.getServerErrorMessage() != null
                    && CONSTRAINT_CODES.containsKey(String.valueOf(pg.getServerErrorMessage().getConstraint()))) {
                String name = pg.getServerErrorMessage().getConstraint();
                return problem(409, CONSTRAINT_CODES.get(name), locale(headers), uri, List.of(), name);
            }
        }
        if (DatabaseFailures.isTransient(e)) {
            LOG.warnf("database unavailable: %s", DatabaseFailures.describe(e));
            return api(new ServiceUnavailableException(), headers, uri);
        }
        LOG.error("persistence failure", e);
        return problem(500, "INTERNAL_ERROR", locale(headers), uri, List.of());
    }

    /** Raw JDBC work (the service's own connections) fails with SQLException, often wrapped. */
    @ServerExceptionMapper({ java.sql.SQLException.class, DatabaseFailures.Wrapped.class })
    public Response sql(Exception e, HttpHeaders headers, UriInfo uri) {
        return persistence(e, headers, uri);
    }

    private Response unauthenticated(HttpHeaders headers, UriInfo uri) {
        return Response.fromResponse(problem(401, "UNAUTHENTICATED", locale(headers), uri, List.of()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** The one place where a kind of refusal becomes an HTTP status. */
    static int status(ApiException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case REJECTED -> 422;
            case TOO_MANY -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    static Locale locale(HttpHeaders headers) {
        try {
            return Messages.pick(headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return Messages.CHINESE;
        }
    }

    static Response problem(int status, String code, Locale locale, UriInfo uri, List<FieldError> errors, Object... args) {
        Problem body = new Problem("about:blank", Messages.text(locale, "title." + status),
                status, code, Messages.text(locale, code, args), uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** "createCongress.request.code" -> "code" */
    private static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
