package cn.minsheng.ballot.common;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The roles of DOMAIN.md; the lower-case value is what tokens carry in {@code groups}. */
public enum Role {
    ADMIN(Role.ADMIN_NAME),
    SECRETARIAT(Role.SECRETARIAT_NAME),
    DEPUTY(Role.DEPUTY_NAME),
    SCRUTINEER(Role.SCRUTINEER_NAME),
    DEPARTMENT(Role.DEPARTMENT_NAME),
    /** the hall's projector: reads a session's attendance and turnout, nothing else */
    PROJECTOR(Role.PROJECTOR_NAME);

    // constants usable in @RolesAllowed
    public static final String ADMIN_NAME = "admin";
    public static final String SECRETARIAT_NAME = "secretariat";
    public static final String DEPUTY_NAME = "deputy";
    public static final String SCRUTINEER_NAME = "scrutineer";
    public static final String DEPARTMENT_NAME = "department";
    public static final String PROJECTOR_NAME = "projector";

    private final String value;

    Role(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static Role fromString(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + value));
    }
}
