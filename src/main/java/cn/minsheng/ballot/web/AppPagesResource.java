package cn.minsheng.ballot.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The single-page front end (src/main/webui, built into META-INF/resources/app): its scripts and
 * styles are served as static resources; /app/ and every page of the router under it (e.g.
 * /app/console/sessions opened from a bookmark) answer the app's entry, app.html, and the router
 * shows the page. The entry is not called index.html so that /app/ itself reaches this resource.
 * In dev mode the bundle that {@link WebuiWatch} keeps fresh is served first. Not part of the API
 * contract.
 */
@Path("/app")
@PermitAll
public class AppPagesResource {

    private static final String INDEX = "META-INF/resources/app/app.html";
    /**
     * Only this origin: the bundle's scripts and styles, the API, images of its own or made in the page
     * (an evidence photo's preview); style attributes set by the components are allowed, scripts
     * written into the page are not.
     */
    static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Where dev mode's `npm run watch` writes the bundle ({@link WebuiWatch}); served before the built one. */
    static final java.nio.file.Path DEV_DIR = java.nio.file.Path.of("target", "webui-dev");

    @GET
    @Operation(hidden = true)
    @Produces(MediaType.TEXT_HTML)
    public Response root() {
        return index();
    }

    @GET
    @Path("{page: .*}")
    @Operation(hidden = true)
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("page") String page) {
        if (page.startsWith("assets/")) {
            java.nio.file.Path file = DEV_DIR.resolve(page).normalize();
            if (io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.DEVELOPMENT && file.startsWith(DEV_DIR)
                    && java.nio.file.Files.isRegularFile(file)) {
                try {
                    String name = file.getFileName().toString();
                    String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "application/octet-stream";
                    return Response.ok(java.nio.file.Files.readAllBytes(file), type).header("Cache-Control", "no-cache").build();
                } catch (IOException e) {
                    return Response.serverError().build();
                }
            }
            return Response.status(Response.Status.NOT_FOUND).build(); // a missing file, not a page
        }
        return index();
    }

    private Response index() {
        java.nio.file.Path dev = DEV_DIR.resolve("app.html");
        if (io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.DEVELOPMENT && java.nio.file.Files.isRegularFile(dev)) {
            try {
                return entry(java.nio.file.Files.readAllBytes(dev));
            } catch (IOException e) {
                return Response.serverError().build();
            }
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                        .entity("The pages were not built: run the Maven build (it runs npm in src/main/webui).").build();
            }
            return entry(in.readAllBytes());
        } catch (IOException e) {
            return Response.serverError().build();
        }
    }

    /** The entry page, built or dev mode's, with the same headers: never cached stale, never sniffed, this origin only. */
    private static Response entry(byte[] html) {
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CSP).build();
    }
}
