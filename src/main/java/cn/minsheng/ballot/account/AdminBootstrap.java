package cn.minsheng.ballot.account;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.Role;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/** Creates the first platform admin when none exists, with the password from configuration. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    AccountConfig.Admin config;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (Account.adminExists()) {
            return;
        }
        String username = config.username();
        String pw = config.password().filter(p -> !p.isBlank()).orElseThrow(() -> new IllegalStateException(
                "No admin account exists yet: set MINSHENG_ADMIN_PASSWORD to create the first one"));
        Account admin = new Account();
        admin.username = username;
        admin.passwordHash = hasher.hash(pw);
        admin.role = Role.ADMIN;
        admin.displayName = "平台管理员";
        admin.enabled = true;
        admin.createdAt = clock.instant();
        admin.updatedAt = admin.createdAt;
        admin.persist();
        audit.appendAsSystem(null, "account.created", "account", admin.id, Map.of("username", username, "role", "admin"));
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            LOG.warnf("%n==== DEV ONLY ====%nFirst admin account created: username '%s', password '%s'.%n"
                    + "This default exists in dev mode only; production takes MINSHENG_ADMIN_PASSWORD.%n==================",
                    username, pw);
        } else {
            LOG.infof("First admin account '%s' created", username);
        }
    }
}
