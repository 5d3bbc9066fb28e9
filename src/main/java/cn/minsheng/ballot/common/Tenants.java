package cn.minsheng.ballot.common;

import java.util.Optional;
import java.util.UUID;

/**
 * What the floors below {@code congress} (audit, account) need to know about congresses and their
 * rosters, answered by the congress package so that nothing below it reads its tables.
 */
public interface Tenants {

    boolean exists(UUID congressId);

    /** The congress with this code, compared case-insensitively. */
    Optional<UUID> idOfCode(String code);

    boolean hasDeputy(UUID congressId, UUID deputyId);

    /** The code of the congress with this id. */
    Optional<String> codeOf(UUID congressId);

    /** Whether the deputy is in office (SEATED): neither suspended nor terminated. */
    boolean deputyInOffice(UUID deputyId);
}
