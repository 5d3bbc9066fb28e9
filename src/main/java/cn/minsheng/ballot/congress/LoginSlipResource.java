package cn.minsheng.ballot.congress;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.Role;

@Path("/api/v1/congresses/{congressId}/deputies/login-slips")
@Tag(name = "deputies")
@RolesAllowed(Role.SECRETARIAT_NAME)
public class LoginSlipResource {

    /** Which deputies; none means every deputy who is not terminated. */
    public record LoginSlips(@Size(max = 5000) List<UUID> deputyIds) {
    }

    @Inject
    LoginSlipService service;

    @Inject
    LoginSlipPdf pdf;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("application/pdf")
    @APIResponse(responseCode = "200", description = "PDF, one slip per deputy",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(operationId = "printLoginSlips", summary = "Printable login slips (PDF) with a new one-time password for each deputy",
            description = "Each chosen deputy (all who are not terminated when deputyIds is empty) gets a new one-time password, "
                    + "and a login named after their roster code if they had none; the PDF is the only place the passwords "
                    + "appear. Printing again replaces them.")
    public Response print(@PathParam("congressId") UUID congressId, @Valid LoginSlips request) {
        List<LoginSlipService.Slip> slips = service.issue(congressId, request == null ? null : request.deputyIds());
        return Response.ok(pdf.render(slips, clock.instant()), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"login-slips.pdf\"")
                .header("Cache-Control", "no-store").build();
    }
}
