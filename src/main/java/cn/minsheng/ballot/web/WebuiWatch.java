package cn.minsheng.ballot.web;

import java.io.File;
import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import jakarta.inject.Inject;

/**
 * Dev mode only: keeps the pages' bundle up to date while you edit src/main/webui. It runs
 * `npm run watch` (Vite rebuilding on every save, after `npm ci` if the lock changed) into
 * target/webui-dev, and
 * {@link AppPagesResource} serves the fresh files from there; reload the page to see a change.
 * Stopped with the service (and restarted with it on a Java hot reload). Off with
 * minsheng.webui.watch=false.
 */
@ApplicationScoped
public class WebuiWatch {

    private static final Logger LOG = Logger.getLogger(WebuiWatch.class);

    @Inject
    WebConfig config;

    private Process process;

    void start(@Observes StartupEvent event) {
        if (!config.watch() || LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            return;
        }
        File dir = new File("src/main/webui");
        try {
            // installs the packages first when the lock changed (or on a fresh clone), as the build does
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", "node scripts/ensure-deps.mjs && exec npm run watch").directory(dir)
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/webui-watch.log"));
            pb.environment().put("WEBUI_OUT_DIR", AppPagesResource.DEV_DIR.toAbsolutePath().toString());
            process = pb.start();
            LOG.info("Pages: Vite rebuilds src/main/webui on every save (log: target/webui-watch.log); reload the page to see a change");
        } catch (IOException e) {
            LOG.warn("Could not start `npm run watch` for the pages: " + e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }
}
