package cn.minsheng.ballot.ballot;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.ballot.CeremonyService.CeremonyView;
import cn.minsheng.ballot.ballot.CeremonyService.ShareRecord;
import cn.minsheng.ballot.ballot.SealRecords.Proof;
import cn.minsheng.ballot.common.Role;

/** The scrutineers' key ceremony of a session (README "Sealed ballots"); every step is done by a scrutineer's own device. */
@Path("/api/v1")
@Tag(name = "ceremony", description = "监票人密钥仪式 The scrutineers' key ceremony")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CeremonyResource {

    @Schema(name = "StartCeremony")
    public record Start(@Schema(description = "how many scrutineers are needed to decrypt (default: a majority)") @Min(1) @Max(100) Integer k) {
    }

    @Schema(name = "SealProofInput")
    public record ProofInput(@NotBlank @Size(max = 64) String c, @NotBlank @Size(max = 64) String v) {
        Proof proof() {
            return new Proof(c, v);
        }
    }

    @Schema(name = "CeremonyKey", description = "the trustee's communication key X_i (compressed SEC1, hex) with its Schnorr proof")
    public record KeyInput(@NotBlank @Size(max = 66) String commsKey, @NotNull @Valid ProofInput commsProof) {
    }

    @Schema(name = "CeremonyShareInput")
    public record ShareInput(@Min(1) int sender, @Min(1) int recipient, @NotBlank @Size(max = 66) String ephemeral,
            @NotBlank @Size(max = 200) String box) {
    }

    @Schema(name = "CeremonyCommitments", description = "the trustee's Feldman commitments C_{i,0} … C_{i,k−1} with their proofs, and "
            + "its share for every other trustee sealed to that trustee's communication key")
    public record CommitmentsInput(@NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 66) String> commitments,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid ProofInput> coefficientProofs,
            @NotNull @Size(max = 100) List<@NotNull @Valid ShareInput> shares) {
    }

    @Schema(name = "CeremonyComplaintInput", description = "the Diffie–Hellman value Z of the bad share's box, with a Chaum–Pedersen "
            + "proof that log_G X_l = log_E Z: anyone can then open that one box")
    public record ComplaintInput(@Min(1) int accused, @NotBlank @Size(max = 66) String shared, @NotNull @Valid ProofInput proof) {
    }

    @Inject
    CeremonyService ceremonies;

    @POST
    @Path("/sessions/{sessionId}/ceremony")
    @RolesAllowed(Role.SCRUTINEER_NAME)
    @APIResponse(responseCode = "201", description = "The ceremony started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CeremonyView.class)))
    @Operation(operationId = "startCeremony", summary = "Start the session's key ceremony among its scrutineers (k of n, default a majority)",
            description = "The trustees are the congress's enabled scrutineer accounts now, numbered in the order they were made. "
                    + "409 CEREMONY_EXISTS while one is running or done; a failed one is started again.")
    public Response start(@PathParam("sessionId") UUID sessionId, @Valid Start r) {
        return Response.status(201).entity(ceremonies.start(sessionId, r == null ? null : r.k())).build();
    }

    @GET
    @Path("/sessions/{sessionId}/ceremony")
    @RolesAllowed({ Role.SCRUTINEER_NAME, Role.SECRETARIAT_NAME })
    @Operation(operationId = "getCeremony", summary = "The session's key ceremony: who has done what, complaints and verdicts, what is missing (in words)")
    public CeremonyView get(@PathParam("sessionId") UUID sessionId) {
        return ceremonies.get(sessionId);
    }

    @PUT
    @Path("/sessions/{sessionId}/ceremony/key")
    @RolesAllowed(Role.SCRUTINEER_NAME)
    @Operation(operationId = "postCeremonyKey", summary = "Step 1: the calling trustee's communication key (422 SEAL_PROOF_INVALID if its proof fails)")
    public CeremonyView key(@PathParam("sessionId") UUID sessionId, @NotNull @Valid KeyInput r) {
        return ceremonies.postKey(sessionId, r.commsKey(), r.commsProof().proof());
    }

    @PUT
    @Path("/sessions/{sessionId}/ceremony/commitments")
    @RolesAllowed(Role.SCRUTINEER_NAME)
    @Operation(operationId = "postCeremonyCommitments", summary = "Step 2, once every key is in: commitments with proofs, and the encrypted shares")
    public CeremonyView commitments(@PathParam("sessionId") UUID sessionId, @NotNull @Valid CommitmentsInput r) {
        return ceremonies.postCommitments(sessionId, r.commitments(), r.coefficientProofs().stream().map(ProofInput::proof).toList(),
                r.shares().stream().map(s -> new ShareRecord(s.sender(), s.recipient(), s.ephemeral(), s.box())).toList());
    }

    @GET
    @Path("/sessions/{sessionId}/ceremony/shares")
    @RolesAllowed(Role.SCRUTINEER_NAME)
    @Operation(operationId = "getCeremonyShares", summary = "The encrypted shares addressed to the calling trustee")
    public List<ShareRecord> shares(@PathParam("sessionId") UUID sessionId) {
        return ceremonies.myShares(sessionId);
    }

    @POST
    @Path("/sessions/{sessionId}/ceremony/complaints")
    @RolesAllowed(Role.SCRUTINEER_NAME)
    @Operation(operationId = "postCeremonyComplaint", summary = "Complain in public about a bad share: the service opens that one box and names who is at fault",
            description = "When the accused is at fault the ceremony fails and must be started again; an unfounded complaint is recorded against the complainer.")
    public CeremonyView complain(@PathParam("sessionId") UUID sessionId, @NotNull @Valid ComplaintInput r) {
        return ceremonies.complain(sessionId, r.accused(), r.shared(), r.proof().proof());
    }

    @POST
    @Path("/sessions/{sessionId}/ceremony/done")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.SCRUTINEER_NAME)
    @Operation(operationId = "finishCeremony", summary = "The calling trustee's device checked every share and keeps its key (with a backup); when all have, the ceremony is done")
    public CeremonyView done(@PathParam("sessionId") UUID sessionId) {
        return ceremonies.done(sessionId);
    }
}
