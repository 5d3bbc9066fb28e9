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
 * The single-page front end (src/main/webui, built into META-INF/resources/app): its files are
 * served as static resources; every other address under /app/ (a page of the router, e.g.
 * /app/console/sessions opened from a bookmark) answers the app's index.html, and the router shows
 * the page. Not part of the API contract.
 */
@Path("/app")
@PermitAll
public class AppPagesResource {

    private static final String INDEX = "META-INF/resources/app/index.html";

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
            return Response.status(Response.Status.NOT_FOUND).build(); // a missing file, not a page
        }
        return index();
    }

    private Response index() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                        .entity("The pages were not built: run the Maven build (it runs npm in src/main/webui).").build();
            }
            return Response.ok(in.readAllBytes(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer").build();
        } catch (IOException e) {
            return Response.serverError().build();
        }
    }
}
