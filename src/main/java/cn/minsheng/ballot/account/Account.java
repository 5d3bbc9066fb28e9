package cn.minsheng.ballot.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import cn.minsheng.ballot.common.Role;

@Entity
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    /** null only for the platform admin */
    public UUID congressId;
    public String username;
    public String passwordHash;
    public Role role;
    public String displayName;
    public UUID deputyId;
    /** for department accounts: the responsible unit (承办单位) whose projects they keep */
    public String department;
    public boolean enabled;
    public Instant createdAt;
    public Instant updatedAt;

    static Optional<Account> findLogin(UUID congressId, String username) {
        return congressId == null
                ? find("congressId is null and lower(username) = lower(?1)", username).firstResultOptional()
                : find("congressId = ?1 and lower(username) = lower(?2)", congressId, username).firstResultOptional();
    }

    static boolean adminExists() {
        return count("role", Role.ADMIN) > 0;
    }
}
