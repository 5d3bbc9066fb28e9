package cn.minsheng.ballot.common;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the verified token says; the only source of identity and tenant. */
@RequestScoped
public class Caller {

    // the claims the token issuer writes and this class reads
    public static final String CONGRESS_CLAIM = "congress";
    public static final String DEPUTY_CLAIM = "deputyId";
    public static final String DEPARTMENT_CLAIM = "department";

    @Inject
    JsonWebToken jwt;

    public boolean isAuthenticated() {
        return jwt.getRawToken() != null;
    }

    public UUID accountId() {
        return UUID.fromString(jwt.getSubject());
    }

    public String name() {
        return isAuthenticated() ? jwt.getName() : "anonymous";
    }

    public boolean is(Role role) {
        return jwt.getGroups() != null && jwt.getGroups().contains(role.value());
    }

    public Optional<UUID> congressId() {
        return claimUuid(CONGRESS_CLAIM);
    }

    public Optional<String> department() {
        Object value = jwt.getClaim(DEPARTMENT_CLAIM);
        return Optional.ofNullable(value).map(v -> v instanceof jakarta.json.JsonString js ? js.getString() : v.toString());
    }

    public Optional<UUID> deputyId() {
        return claimUuid(DEPUTY_CLAIM);
    }

    /** The calling deputy's roster id; anyone else is refused. */
    public UUID requireDeputy() {
        return deputyId().orElseThrow(ApiException::forbidden);
    }

    /**
     * The congress named in the path, if the caller may see it: the admin sees every congress,
     * everyone else only their own; another congress answers 404 as if it did not exist.
     */
    public UUID congress(UUID pathCongressId) {
        if (is(Role.ADMIN) || congressId().filter(pathCongressId::equals).isPresent()) {
            return pathCongressId;
        }
        throw ApiException.notFound("congress");
    }

    /**
     * The one tenant-scoped finder: the row found by its id if it belongs to the caller's congress;
     * absent, or another congress's, it answers 404 as if it did not exist.
     */
    public <T> T scoped(Optional<T> row, Function<T, UUID> congressOf, String what) {
        T found = row.orElseThrow(() -> ApiException.notFound(what));
        requireSameCongress(congressOf.apply(found), what);
        return found;
    }

    /** For rows found by their own id: hide rows of another congress behind a 404. */
    public void requireSameCongress(UUID rowCongressId, String what) {
        if (!is(Role.ADMIN) && congressId().filter(rowCongressId::equals).isEmpty()) {
            throw ApiException.notFound(what);
        }
    }

    private Optional<UUID> claimUuid(String claim) {
        Object value = jwt.getClaim(claim);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString js ? js.getString() : value.toString();
        return Optional.of(UUID.fromString(text));
    }
}
