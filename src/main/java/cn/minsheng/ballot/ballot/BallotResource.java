package cn.minsheng.ballot.ballot;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.ballot.BallotService.BallotView;
import cn.minsheng.ballot.ballot.TurnoutService.Turnout;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.session.FractionText;
import cn.minsheng.ballot.tally.BallotKind;
import cn.minsheng.ballot.tally.Choice;
import cn.minsheng.ballot.tally.Mark;
import cn.minsheng.ballot.tally.Method;
import cn.minsheng.ballot.tally.ShortfallPolicy;
import cn.minsheng.ballot.tally.ThresholdBase;
import cn.minsheng.ballot.tally.TiePolicy;

@Path("/api/v1")
@Tag(name = "ballots", description = "表决：规则、开启、投票、回执、纸质票、计票 Ballots")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BallotResource {

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ThresholdRule(@NotBlank @Size(max = 9) String fraction, ThresholdBase base, Boolean inclusive) {
        cn.minsheng.ballot.tally.Threshold threshold(String field, ThresholdBase defaultBase) {
            return new cn.minsheng.ballot.tally.Threshold(FractionText.parse(field, fraction), base == null ? defaultBase : base,
                    Boolean.TRUE.equals(inclusive));
        }
    }

    /** EVALUATION tiers, each with its own fraction, base (default ALL_SEATED) and strictness (default strict). */
    public record TiersRule(@NotNull @Valid ThresholdRule satisfied, @NotNull @Valid ThresholdRule basicallySatisfied) {
        cn.minsheng.ballot.tally.EvaluationTiers tiers() {
            return new cn.minsheng.ballot.tally.EvaluationTiers(satisfied.threshold("evaluationTiers.satisfied", ThresholdBase.ALL_SEATED),
                    basicallySatisfied.threshold("evaluationTiers.basicallySatisfied", ThresholdBase.ALL_SEATED));
        }
    }

    /** Follow-up ballots' rules: candidates ALL_REMAINING (default) or BEST_PLACED with a surplus ("1/5"); own threshold or none (the same). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record FollowUpRule(cn.minsheng.ballot.tally.FollowUpRules.Candidates candidates, @Size(max = 9) String surplus,
            @Valid ThresholdRule threshold) {
        cn.minsheng.ballot.tally.FollowUpRules rules() {
            try {
                return new cn.minsheng.ballot.tally.FollowUpRules(candidates,
                        surplus == null ? null : FractionText.parse("followUp.surplus", surplus),
                        threshold == null ? null : threshold.threshold("followUp.threshold", ThresholdBase.ALL_SEATED));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("RULES_INVALID", e.getMessage());
            }
        }
    }

    public record CreateBallot(@NotBlank @Size(max = 200) String title, @NotNull BallotKind kind, Method method,
            Secrecy secrecy, @Min(0) @Max(500) Integer seats, @Min(1) @Max(500) Integer maxMarks, UUID slateId,
            @Size(max = 500) List<@NotNull UUID> itemIds, @Size(max = 200) String motion, @Valid ThresholdRule threshold,
            TiePolicy tiePolicy, ShortfallPolicy shortfallPolicy, @Min(0) @Max(500) Integer minSurplus,
            @Size(max = 2) List<@NotNull Channel> channels, Boolean acceptOvermarked, @Valid TiersRule evaluationTiers,
            @Valid FollowUpRule followUp, @Min(0) @Max(500) Integer minMarks,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "create under this adopted rule set (票决办法): its rules are copied and the ballot records it; a rule given here must agree with the set")
            UUID ruleSetId,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "MOTION only: the draft rule set this motion adopts when its result is published and the motion passed")
            UUID adoptsRuleSetId) {

        BallotService.Spec spec() {
            return new BallotService.Spec(title, kind, method, secrecy, seats, maxMarks, slateId, itemIds, motion,
                    threshold == null ? null : FractionText.parse("threshold.fraction", threshold.fraction()),
                    threshold == null ? null : threshold.base(), threshold == null ? null : threshold.inclusive(), tiePolicy,
                    shortfallPolicy, minSurplus, channels, acceptOvermarked,
                    evaluationTiers == null ? null : evaluationTiers.tiers(), followUp == null ? null : followUp.rules(), minMarks,
                    ruleSetId, adoptsRuleSetId);
        }
    }

    public record MarkInput(@NotNull UUID itemId, @NotNull Choice choice) {
    }

    public record CastVote(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "the marks, for a ballot in the clear (NAMED, or SECRET in a session without a key ceremony)")
            @Size(max = 500) List<@NotNull @Valid MarkInput> marks,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "for a sealed ballot: the encrypted ballot with its proofs, its canonical encoding in hex (README \"Sealed ballots\")")
            @Size(max = 240000) @jakarta.validation.constraints.Pattern(regexp = "[0-9a-fA-F]*") String sealed) {
        List<Mark> toMarks() {
            return marks == null ? null : marks.stream().map(m -> new Mark(m.itemId().toString(), m.choice())).toList();
        }

        /** paper ballots are always marks */
        List<Mark> paperMarks() {
            if (marks == null) {
                throw ApiException.badRequest("MARKS_REQUIRED");
            }
            return toMarks();
        }
    }

    public record PaperTotalsInput(@NotNull @Min(0) Integer returned, @Min(0) Integer invalid,
            Map<UUID, Map<Choice, @NotNull @Min(0) Integer>> counts) {
    }

    public record RecordPaper(@NotNull @Min(0) @Max(100000) Integer issued,
            @Size(max = 5000) List<@NotNull @Valid CastVote> ballots, @Valid PaperTotalsInput totals,
            @Schema(description = "the deputies issued these paper ballots, one each (as many as issued); they can no longer cast on the tablet")
            @Size(max = 5000) List<@NotNull UUID> issuedTo) {
    }

    @Inject
    CountedReceipts countedReceipts;

    @Inject
    BallotService ballots;

    @Inject
    CastService casting;

    @Inject
    PaperService paper;

    @Inject
    TurnoutService turnout;

    @Inject
    BoardService board;

    @Inject
    CeremonyService ceremonies;

    @POST
    @Path("/sessions/{sessionId}/ballots")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", required = true, description = "Where the created resource is read", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BallotView.class)))
    @Operation(operationId = "createBallot", summary = "Create a ballot with its rules (DRAFT)",
            description = "Items come from a slate (slateId), from candidate ids (itemIds) or, for a MOTION, from its text. "
                    + "Defaults: method by kind (APPROVAL, RATING, YES_NO_ABSTAIN), SECRET, threshold 1/2 of ALL_SEATED strict, "
                    + "tie RUNOFF, shortfall ACCEPT_FEWER, channel ELECTRONIC, maxMarks = seats for APPROVAL. "
                    + "EVALUATION: evaluationTiers {satisfied, basicallySatisfied}, each {fraction, base, inclusive}; default the "
                    + "镇海区 rule over the threshold: SATISFIED at half or more, BASICALLY_SATISFIED when S + BS exceed half. "
                    + "minMarks (default 0): a ballot with fewer FOR marks is invalid (TOO_FEW_MARKS); exactly N is minMarks = maxMarks "
                    + "= seats; a tablet refuses it (400 TOO_FEW_MARKS) unless acceptOvermarked takes it as an invalid ballot. "
                    + "followUp {candidates: ALL_REMAINING | BEST_PLACED, surplus: \"1/5\", threshold}: the rules of runoff and "
                    + "supplementary ballots (BEST_PLACED: the best placed remaining by first-round FOR, seats + ⌈seats × surplus⌉, "
                    + "at least one more than the seats; threshold absent: the same as this ballot's). "
                    + "acceptOvermarked=true takes an over-marked tablet ballot as an invalid ballot (废票) instead of refusing it. "
                    + "ruleSetId: the rules of an ADOPTED rule set of the congress are copied (400 RULE_SET_UNKNOWN, 409 "
                    + "RULE_SET_NOT_ADOPTED, 400 RULE_SET_KIND, 400 RULE_SET_CONFLICT when a rule given here differs); "
                    + "adoptsRuleSetId (MOTION): the draft set adopted when this motion passes and its result is published.")
    public Response create(@PathParam("sessionId") UUID sessionId, @NotNull @Valid CreateBallot r) {
        BallotView view = ballots.create(sessionId, r);
        return Response.created(URI.create("/api/v1/ballots/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/sessions/{sessionId}/ballots")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPUTY_NAME, Role.SCRUTINEER_NAME, Role.PROJECTOR_NAME })
    @Operation(operationId = "listBallots", summary = "The ballots of a session, oldest first")
    public List<BallotView> list(@PathParam("sessionId") UUID sessionId) {
        return ballots.list(sessionId);
    }

    @GET
    @Path("/ballots/{ballotId}")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPUTY_NAME, Role.SCRUTINEER_NAME, Role.PROJECTOR_NAME })
    @Operation(operationId = "getBallot", summary = "A ballot's rules and items")
    public BallotView get(@PathParam("ballotId") UUID ballotId) {
        return ballots.get(ballotId);
    }

    @PUT
    @Path("/ballots/{ballotId}")
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "updateBallot", summary = "Change a DRAFT ballot's rules or items (409 RULES_FROZEN once open)")
    public BallotView update(@PathParam("ballotId") UUID ballotId, @NotNull @Valid CreateBallot r) {
        return ballots.update(ballotId, r);
    }

    @POST
    @Path("/ballots/{ballotId}/open")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.SECRETARIAT_NAME)
    @Operation(operationId = "openBallot", summary = "Open the ballot: refused without quorum or with a slate that breaks the surplus rule")
    public BallotView open(@PathParam("ballotId") UUID ballotId) {
        return ballots.open(ballotId);
    }

    @POST
    @Path("/ballots/{ballotId}/votes")
    @RolesAllowed(Role.DEPUTY_NAME)
    // a deputy casts once and a tablet retries a few times: those few from this replica's memory (minsheng.cast.*)
    @cn.minsheng.ballot.common.RateLimited(value = "cast", localFirst = 3)
    @APIResponse(responseCode = "201", description = "Counted: the receipt of this cast",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CastService.Receipt.class)))
    @APIResponse(responseCode = "200", description = "A retry under the same Idempotency-Key and body: the first receipt again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CastService.Receipt.class)))
    @Operation(operationId = "castVote", summary = "Cast the calling deputy's ballot; returns the receipt (tracker)",
            description = "Needs an Idempotency-Key header (16-128 of A-Z a-z 0-9 _ . : -). A retry with the same key and body "
                    + "returns the first receipt (200); the same key with another body is 409 IDEMPOTENCY_KEY_REUSED; "
                    + "another key after a cast is 409 ALREADY_VOTED. A retry after the ballot closed whose first attempt was "
                    + "counted still gets that receipt (200), so a tablet whose answer was lost learns its vote was counted. "
                    + "A sealed ballot (BallotView.sealed) takes `sealed`, the encrypted ballot, never marks (400 SEALED_BALLOT_REQUIRED): "
                    + "every proof is checked (422 SEALED_BALLOT_INVALID), a cast id or ciphertext already in the box is refused "
                    + "(422 SEALED_BALLOT_REPLAYED); the tracker is the SHA-256 of the encoding.")
    public Response cast(@PathParam("ballotId") UUID ballotId, @HeaderParam("Idempotency-Key") @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true,
                    description = "Chosen by the tablet for this cast and reused on every retry of it",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_.:-]{16,128}$")) String idempotencyKey,
            @NotNull @Valid CastVote r) {
        if (!CastService.isValidKey(idempotencyKey)) {
            throw ApiException.badRequest("IDEMPOTENCY_KEY_REQUIRED");
        }
        CastService.Receipt receipt;
        try {
            receipt = casting.cast(ballotId, r.toMarks(), r.sealed(), idempotencyKey);
        } catch (RuntimeException e) {
            // a retry after close whose first attempt was counted gets its receipt, not BALLOT_CLOSED
            receipt = (CountedReceipts.ballotClosed(e) && (r.sealed() != null || r.marks() != null)
                    ? countedReceipts.find(ballotId, CastService.canonicalBody(r.toMarks(), r.sealed()), idempotencyKey)
                    : java.util.Optional.<CastService.Receipt>empty()).orElseThrow(() -> e);
        }
        return Response.status(receipt.replayed() ? 200 : 201).entity(receipt).build();
    }

    @POST
    @Path("/ballots/{ballotId}/paper")
    @RolesAllowed(Role.SCRUTINEER_NAME)
    @Operation(operationId = "recordPaperBallots", summary = "Enter paper ballots one by one (ballots) or as counts (totals), with the number issued",
            description = "Each present deputy is issued one ballot, on the tablet or on paper: issuedTo names the deputies given "
                    + "paper (their tablet then answers 409 PAPER_BALLOT_ISSUED); ballots issued as a number lower the tablet ballots "
                    + "issued. The whole vote is void at close (VOTE_VOID) when more ballots come back than were issued, in all or "
                    + "from the paper box, or when there are more ballots than voters.")
    public PaperService.Recorded recordPaper(@PathParam("ballotId") UUID ballotId, @NotNull @Valid RecordPaper r) {
        Map<String, Map<Choice, Integer>> counts = r.totals() == null || r.totals().counts() == null ? null
                : r.totals().counts().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue));
        return paper.record(ballotId, new PaperService.Entry(r.issued(),
                r.ballots() == null ? null : r.ballots().stream().map(CastVote::paperMarks).toList(),
                r.totals() == null ? null : r.totals().returned(), r.totals() == null ? null : r.totals().invalid(), counts,
                r.issuedTo()));
    }

    @GET
    @Path("/ballots/{ballotId}/turnout")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPUTY_NAME, Role.SCRUTINEER_NAME, Role.PROJECTOR_NAME })
    @Operation(operationId = "getTurnout", summary = "Eligible, present and cast: never per-item counts")
    public Turnout turnout(@PathParam("ballotId") UUID ballotId) {
        return turnout.turnout(ballotId);
    }

    @GET
    @Path("/ballots/{ballotId}/seal")
    @RolesAllowed({ Role.SECRETARIAT_NAME, Role.DEPUTY_NAME, Role.SCRUTINEER_NAME, Role.PROJECTOR_NAME })
    @Operation(operationId = "getSealContext", summary = "What a tablet needs to seal a ballot: the ceremony's public record, the layout and the context hash",
            description = "409 BALLOT_NOT_SEALED for a ballot in the clear. The tablet checks the ceremony's proofs and the context hash itself.")
    public SealRecords.ContextRecord sealContext(@PathParam("ballotId") UUID ballotId) {
        return ceremonies.context(ballots.find(ballotId));
    }

    @GET
    @Path("/ballots/{ballotId}/board")
    @PermitAll
    @SecurityRequirementsSet
    @Operation(operationId = "getBoard", summary = "The bulletin board after close: every counted ballot's tracker, nonce and marks")
    public BoardService.Board board(@PathParam("ballotId") UUID ballotId) {
        return board.board(ballotId);
    }

    @GET
    @Path("/ballots/{ballotId}/board/{tracker}")
    @PermitAll
    @SecurityRequirementsSet
    @Operation(operationId = "verifyReceipt", summary = "Was this tracker counted? Returns the ballot as counted (a sealed ballot: only that it is in the box), or 404 TRACKER_NOT_FOUND")
    public BoardService.Entry verify(@PathParam("ballotId") UUID ballotId, @PathParam("tracker") String tracker) {
        return board.verify(ballotId, tracker);
    }
}
