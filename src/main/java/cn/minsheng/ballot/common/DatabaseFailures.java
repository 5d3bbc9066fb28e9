package cn.minsheng.ballot.common;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a transient database failure (the server down or restarting, a connection broken, no
 * pooled connection free in time) from a real error, by walking the cause chain.
 */
public final class DatabaseFailures {

    /** PostgreSQL SQLSTATEs of a server going away or refusing connections for now. */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300", "53400", "40001",
            "40P01");

    private DatabaseFailures() {
    }

    /** An unchecked wrapper for SQLExceptions from raw JDBC work, mapped like any database failure. */
    public static class Wrapped extends RuntimeException {
        public Wrapped(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof SQLTransientException
                    || t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state))) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
                // Agroal's pool: no connection came free within quarkus.datasource.jdbc.acquisition-timeout
                if (message.contains("acquisition timeout") || message.contains("connection has been closed")) {
                    return true;
                }
            }
            // a commit cut by a restart: Narayana's RollbackException carries the driver's failure as a suppressed XAException
            if (t instanceof javax.transaction.xa.XAException xa && (xa.errorCode == javax.transaction.xa.XAException.XAER_RMFAIL
                    || String.valueOf(xa.getMessage()).contains("terminating connection")
                    || String.valueOf(xa.getMessage()).contains("I/O error"))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTransient(suppressed)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A NUL or another character PostgreSQL cannot store or convert. */
    public static boolean isBadCharacter(SQLException e) {
        String state = e.getSQLState();
        return "22021".equals(state) || "22P05".equals(state)
                || String.valueOf(e.getMessage()).contains("character with value 0x00")
                || String.valueOf(e.getMessage()).contains("Zero bytes may not occur");
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
