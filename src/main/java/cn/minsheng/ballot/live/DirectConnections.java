package cn.minsheng.ballot.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections to the service's database outside the pool, with the datasource's own address and
 * credentials: the listener's long-lived LISTEN connection, and readiness's probe, which must answer
 * even while every pooled connection is taken.
 */
@ApplicationScoped
public class DirectConnections {

    // the datasource's own settings (Quarkus's, not ours): read as they are, not mapped
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** A new connection with these driver settings (timeouts in seconds) besides the credentials. */
    public Connection open(Map<String, String> settings) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", username);
        props.setProperty("password", password);
        settings.forEach(props::setProperty);
        return DriverManager.getConnection(url, props);
    }
}
