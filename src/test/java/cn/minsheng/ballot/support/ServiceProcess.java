package cn.minsheng.ballot.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The packaged service (target/quarkus-app) started as a separate process on its own port and
 * database, with a throwaway key pair, the way production runs it: for the crash test and the
 * load benchmark.
 */
public final class ServiceProcess implements AutoCloseable {

    public final int port;
    public final String database;
    private final Process process;

    private ServiceProcess(int port, String database, Process process) {
        this.port = port;
        this.database = database;
        this.process = process;
    }

    public static ServiceProcess start(int port, String database, Map<String, String> extraEnv) throws Exception {
        return start(port, database, newKeyPair(), extraEnv);
    }

    /** A throwaway RSA key pair in a temporary folder: private.pem and public.pem. */
    public static Path newKeyPair() throws Exception {
        Path keys = Files.createTempDirectory("minsheng-keys");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(keys.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(keys.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return keys;
    }

    public static ServiceProcess start(int port, String database, Path keys, Map<String, String> extraEnv) throws Exception {
        ServiceProcess service = launch(port, database, keys, extraEnv);
        service.awaitReady(Duration.ofSeconds(90));
        return service;
    }

    /** Launches the service and returns at once, before it is ready (to watch its start). */
    public static ServiceProcess launch(int port, String database, Path keys, Map<String, String> extraEnv) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the service first: ./mvnw package -DskipTests");
        }
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve("public.pem").toString());
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.resolve("private.pem").toString());
        env.put("MINSHENG_ADMIN_PASSWORD", "bench-admin-password");
        // setup logs in thousands of deputies; the cost of bcrypt is not what is measured
        env.put("MINSHENG_PASSWORD_BCRYPT_COST", "4");
        env.put("MINSHENG_LOGIN_ADDRESS_MAX_FAILURES", "100000");
        // the fault, crash, replica and burst runs vote SECRET ballots without a key ceremony, in the clear (ProductionDefaultsIT
        // covers the default); a caller may turn it back on through extraEnv
        env.put("MINSHENG_SEAL_REQUIRE_CEREMONY", "false");
        // nor do they wait for the warm-up before readiness (ProductionDefaultsIT covers it; the burst turns it back on)
        env.put("MINSHENG_WARMUP_ENABLED", "false");
        env.putAll(extraEnv);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "service-" + port + ".log").toFile()));
        return new ServiceProcess(port, database, pb.start());
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited; see target/service-" + port + ".log");
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not become ready");
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Peak resident memory so far (VmHWM), in MiB. */
    public long peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
    }

    /** SIGKILL: no shutdown hook, no graceful close of anything. */
    public void kill() {
        process.destroyForcibly();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public void awaitExit() throws InterruptedException {
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Drops the database if it is there and creates it empty (owned by minsheng_owner, usable by minsheng_app). */
    public static void freshDatabase(String database) throws Exception {
        psql("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        ensureDatabase(database);
    }

    /** Creates the database (owned by minsheng_owner, usable by minsheng_app) if it is missing. */
    public static void ensureDatabase(String database) throws Exception {
        String exists = psql("postgres", "SELECT 1 FROM pg_database WHERE datname = '" + database + "'").trim();
        if (exists.isEmpty()) {
            psql("postgres", "CREATE DATABASE " + database + " OWNER minsheng_owner");
        }
        psql(database, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        psql("postgres", "GRANT CONNECT ON DATABASE " + database + " TO minsheng_app");
    }

    public static String psql(String database, String sql) throws Exception {
        Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-tAq", "-v", "ON_ERROR_STOP=1",
                "-c", sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        return out;
    }
}
