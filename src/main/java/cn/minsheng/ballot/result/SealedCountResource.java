package cn.minsheng.ballot.result;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerResponse;

import cn.minsheng.ballot.ballot.SealRecords;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.result.ResultService.ResultView;
import cn.minsheng.ballot.result.SealedCountService.SealedBoardView;

/** The count of a sealed ballot by the scrutineers' partial decryptions, and its public board. */
@Path("/api/v1")
@Tag(name = "results")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SealedCountResource {

    @Schema(name = "SealPartialShareInput")
    public record ShareInput(@NotBlank @Size(max = 66) String m, @NotBlank @Size(max = 64) String c, @NotBlank @Size(max = 64) String v) {
    }

    @Schema(name = "SealPartialDecryptionInput", description = "the calling scrutineer's M_i = s_i·A for every encrypted total "
            + "(items × choices in the layout's order), each with its Chaum–Pedersen proof")
    public record PartialInput(@NotNull @Size(min = 1, max = 500) List<@NotNull @Size(min = 1, max = 6) List<@NotNull @Valid ShareInput>> shares) {
    }

    @Inject
    SealedCountService sealed;

    @Inject
    SealedBoardWriter writer;

    @POST
    @Path("/ballots/{ballotId}/partial-decryptions")
    @RolesAllowed(Role.SCRUTINEER_NAME)
    @Operation(operationId = "postPartialDecryption", summary = "A scrutineer's partial decryption of a closed sealed ballot's totals; the k-th counts it",
            description = "Every proof is checked (422 SEAL_PROOF_INVALID). With k valid ones the service combines them, adds the "
                    + "paper ballots and counts as for any ballot (the result is COUNTED); before, the result is AWAITING_DECRYPTION "
                    + "and says in words how many are still needed.")
    public ResultView post(@PathParam("ballotId") UUID ballotId, @NotNull @Valid PartialInput r) {
        return sealed.postPartial(ballotId, new SealRecords.PartialRecord(0, r.shares().stream()
                .map(row -> row.stream().map(s -> new SealRecords.PartialShare(s.m(), s.c(), s.v())).toList()).toList()));
    }

    @GET
    @Path("/ballots/{ballotId}/sealed-board")
    @PermitAll
    @Operation(operationId = "getSealedBoard", summary = "The board of a closed sealed ballot: every encrypted ballot with tracker and proofs, "
            + "the encrypted totals, the partial decryptions, the ceremony's keys and commitments, and the paper ballots",
            description = "In the format minsheng-seal/v1/board: save it and run `OfflineVerifier sealed board.json`. "
                    + "Written as it is read (the encrypted ballots a page at a time), so it comes without a length.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SealedBoardView.class)))
    public Response board(@PathParam("ballotId") UUID ballotId, @Context HttpServerResponse raw) {
        SealedBoardView head = sealed.boardHead(ballotId); // refusals (404, 409, 503) before the first byte
        SealedCountService.BoardPage first = writer.firstPage(ballotId);
        StreamingOutput body = out -> {
            try {
                writer.write(ballotId, head, first, out);
            } catch (IOException | RuntimeException e) {
                // a later page could not be read: break the transfer off (HTTP/1.1: the connection closed before the last
                // chunk; HTTP/2: the stream reset), so that no client takes the part it got for a whole board
                raw.reset();
                throw e;
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
