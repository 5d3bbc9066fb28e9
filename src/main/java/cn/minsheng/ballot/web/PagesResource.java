package cn.minsheng.ballot.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.Engine;

/**
 * The pages served by the service itself: the deputy's tablet, the hall's projector, the public
 * pages and the secretariat's console. Each is a Qute template under {@code templates/} filling the
 * shared {@code layout.html}, rendered once; its script and styles are under {@code /assets}, and
 * they talk to the same REST API as every other client. Not part of the API
 * contract. The content security policy allows nothing but this origin.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PagesResource {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    @Inject
    Engine qute;

    /**
     * Residents who type the bare address land on the public pages (/app/public, the list of
     * congresses); the first pages stay at their own addresses.
     */
    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(java.net.URI.create("/app/public")).build();
    }

    @GET
    @Path("tablet")
    @Operation(hidden = true)
    public Response tablet() {
        return page("tablet");
    }

    @GET
    @Path("screen/{sessionId}")
    @Operation(hidden = true)
    public Response screen(@PathParam("sessionId") String sessionId) {
        return page("screen"); // the script reads the session from the address
    }

    @GET
    @Path("public")
    @Operation(hidden = true)
    public Response publicPage() {
        return page("public");
    }

    @GET
    @Path("console")
    @Operation(hidden = true)
    public Response console() {
        return page("console");
    }

    private Response page(String name) {
        byte[] html = pages.computeIfAbsent(name, n -> qute.getTemplate(n).render().getBytes(StandardCharsets.UTF_8));
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache").build();
    }
}
