package cn.minsheng.ballot.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The bare address and the addresses of the first pages, which the Vue pages under /app/ replaced:
 * notices, posters, login slips and tablets' bookmarks made before still name them, so each leads
 * (303) to the page that does its work now. Not part of the API contract.
 */
@Path("/")
@PermitAll
public class PagesResource {

    /** Residents who type the bare address land on the public pages (the list of congresses). */
    @GET
    @Operation(hidden = true)
    public Response root() {
        return to("/app/public");
    }

    /** A deputy's vote: the tablet page. */
    @GET
    @Path("tablet")
    @Operation(hidden = true)
    public Response tablet() {
        return to("/app/deputy/vote");
    }

    /** The hall's projector for a session. */
    @GET
    @Path("screen/{sessionId}")
    @Operation(hidden = true)
    public Response screen(@PathParam("sessionId") String sessionId) {
        return to(UriBuilder.fromPath("/app/projector/{id}").build(sessionId).toString());
    }

    /** Results and projects: the congress's public page when the address named one ({@code ?congress=code}). */
    @GET
    @Path("public")
    @Operation(hidden = true)
    public Response publicPage(@QueryParam("congress") String congress) {
        return to(congress == null || congress.isBlank() ? "/app/public"
                : UriBuilder.fromPath("/app/public/{code}").build(congress.trim()).toString());
    }

    /** The secretariat's console. */
    @GET
    @Path("console")
    @Operation(hidden = true)
    public Response console() {
        return to("/app/console");
    }

    private static Response to(String path) {
        return Response.seeOther(URI.create(path)).header("Cache-Control", "no-cache").build();
    }
}
