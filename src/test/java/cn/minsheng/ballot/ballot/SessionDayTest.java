package cn.minsheng.ballot.ballot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.board.BallotMarks;
import cn.minsheng.ballot.board.Tracker;
import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.tally.BallotKind;
import cn.minsheng.ballot.tally.CastBallot;
import cn.minsheng.ballot.tally.Choice;
import cn.minsheng.ballot.tally.Fraction;
import cn.minsheng.ballot.tally.Mark;
import cn.minsheng.ballot.tally.Method;
import cn.minsheng.ballot.tally.Roster;
import cn.minsheng.ballot.tally.Rules;
import cn.minsheng.ballot.tally.Tally;
import cn.minsheng.ballot.tally.TallyResult;
import cn.minsheng.ballot.tally.Threshold;
import cn.minsheng.ballot.tally.ThresholdBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The day the deputies vote: 200 seated, 150 present, 15 candidates for 10 seats, a SECRET
 * APPROVAL ballot with a planned tie at the cutoff, then the runoff; every figure checked exactly.
 */
@QuarkusTest
class SessionDayTest {

    /** FOR votes planned per candidate among the 148 deputies who vote; 5 ticks for P1-P5, the rest spread. */
    private static final int[] PLAN = { 148, 148, 148, 148, 148, 140, 130, 120, 115, 105, 105, 25, 0, 0, 0 };

    @Test
    void theWholeDay() throws Exception {
        Hall hall = Api.hall(200, 150);
        var t = hall.tenant();
        List<String> candidates = Api.candidates15(t, Api.openWindow(t, 2027));
        String slate = t.as().body(Map.of("title", "2027年民生实事候选项目", "year", 2027, "seats", 10, "minSurplus", 2,
                "candidateIds", candidates)).post("/api/v1/congresses/" + t.congressId() + "/slates").then().statusCode(201)
                .extract().path("id");
        t.as().body(Map.of("body", "县人大常委会第二十次会议", "date", "2026-12-20")).post("/api/v1/slates/" + slate + "/review")
                .then().statusCode(200);

        t.as().get("/api/v1/sessions/" + hall.sessionId() + "/attendance").then().statusCode(200)
                .body("seated", equalTo(200)).body("present", equalTo(150)).body("absent", equalTo(50))
                .body("quorum.required", equalTo(134)).body("quorum.met", equalTo(true));

        String ballot = t.as().body(Map.of("title", "2027年县级民生实事项目票决", "kind", "SELECTION", "slateId", slate))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201)
                .body("seats", equalTo(10)).body("minSurplus", equalTo(2)).body("secrecy", equalTo("SECRET"))
                .body("method", equalTo("APPROVAL")).body("items", hasSize(15)).extract().path("id");
        t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(200).body("status", equalTo("OPEN"));
        t.as().get("/api/v1/slates/" + slate).then().body("status", equalTo("FROZEN"));

        // each of P6..P12 takes a contiguous (cyclic) block of voters, so nobody ticks more than 10
        List<List<String>> ticks = new ArrayList<>();
        for (int v = 0; v < 148; v++) {
            ticks.add(new ArrayList<>(candidates.subList(0, 5)));
        }
        int cursor = 0;
        for (int c = 5; c < 15; c++) {
            for (int k = 0; k < PLAN[c]; k++) {
                ticks.get(cursor++ % 148).add(candidates.get(c));
            }
        }
        List<String> trackers = new ArrayList<>();
        for (int v = 0; v < 148; v++) {
            Response r = Api.cast(hall.deputy(v), ballot, Api.ticks(ticks.get(v)));
            r.then().statusCode(201).body("valid", equalTo(true));
            trackers.add(r.path("tracker"));
            if (v == 70) {
                Api.as(hall.deputy(0)).get("/api/v1/ballots/" + ballot + "/turnout").then().statusCode(200)
                        .body("cast", equalTo(71)).body("present", equalTo(150)).body("eligible", equalTo(200));
                t.as().get("/api/v1/ballots/" + ballot + "/result").then().statusCode(409).body("code", equalTo("RESULT_NOT_AVAILABLE"));
            }
        }

        Response closed = t.as().post("/api/v1/ballots/" + ballot + "/close");
        closed.then().statusCode(200).body("status", equalTo("COUNTED"))
                .body("figures.seated", equalTo(200)).body("figures.present", equalTo(150)).body("figures.issued", equalTo(150))
                .body("figures.returned", equalTo(148)).body("figures.valid", equalTo(148)).body("figures.invalid", equalTo(0))
                .body("figures.notReturned", equalTo(2)).body("figures.thresholdBase", equalTo(200))
                .body("figures.selected", equalTo(candidates.subList(0, 9)))
                .body("figures.followUp.kind", equalTo("RUNOFF")).body("figures.followUp.seats", equalTo(1))
                .body("figures.followUp.items", equalTo(candidates.subList(9, 11)));
        List<Map<String, Object>> items = closed.path("figures.items");
        for (int c = 0; c < 15; c++) {
            Map<String, Object> item = items.get(c);
            assertEquals(candidates.get(c), item.get("itemId"));
            assertEquals(PLAN[c], item.get("forCount"), "FOR of P" + (c + 1));
            assertEquals(148 - PLAN[c], item.get("notVoted"));
            String expected = c < 9 ? "SELECTED" : c < 11 ? "TIED" : "REJECTED";
            assertEquals(expected, item.get("outcome"), "outcome of P" + (c + 1));
        }
        assertEquals(10, items.get(9).get("rank"));
        assertEquals(10, items.get(10).get("rank"));

        // the board: every receipt is there, and anyone can recount the published figures from it
        Response board = given().get("/api/v1/ballots/" + ballot + "/board");
        board.then().statusCode(200).body("entries", hasSize(148));
        List<String> onBoard = board.path("entries.tracker");
        assertTrue(onBoard.containsAll(trackers));
        given().get("/api/v1/ballots/" + ballot + "/board/" + trackers.get(3)).then().statusCode(200)
                .body("marks", hasSize(ticks.get(3).size()));
        given().get("/api/v1/ballots/" + ballot + "/board/" + "0".repeat(64)).then().statusCode(404)
                .body("code", equalTo("TRACKER_NOT_FOUND"));
        List<Map<String, Object>> entries = board.path("entries");
        List<CastBallot> recount = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> marks = (List<Map<String, String>>) e.get("marks");
            List<Mark> ms = marks.stream().map(m -> new Mark(m.get("itemId"), Choice.valueOf(m.get("choice")))).toList();
            recount.add(new CastBallot(ms));
            String canonical = BallotMarks.canonical(ms);
            assertEquals(e.get("tracker"), Tracker.of(ballot, canonical, (String) e.get("nonce")), "tracker recomputes");
        }
        TallyResult again = Tally.count(new Rules(BallotKind.SELECTION, Method.APPROVAL, 10, null,
                new Threshold(Fraction.HALF, ThresholdBase.ALL_SEATED, false), null, null), candidates, new Roster(200, 150, 150),
                recount);
        for (int c = 0; c < 15; c++) {
            assertEquals(PLAN[c], again.item(candidates.get(c)).forCount());
        }

        // countersign, publish, read publicly, print
        String result = "/api/v1/ballots/" + ballot + "/result";
        t.as().post(result + "/publish").then().statusCode(409).body("code", equalTo("COUNTERSIGNATURES_MISSING"));
        Api.as(hall.scrutineers().get(0)).post(result + "/countersign").then().statusCode(200);
        Api.as(hall.scrutineers().get(0)).post(result + "/countersign").then().statusCode(409)
                .body("code", equalTo("ALREADY_COUNTERSIGNED"));
        given().get(result).then().statusCode(401);
        Api.as(hall.scrutineers().get(1)).post(result + "/countersign").then().statusCode(200)
                .body("countersignatures", hasSize(2));
        t.as().post(result + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("auditHead", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        t.as().post(result + "/publish").then().statusCode(409).body("code", equalTo("RESULT_FINAL"));
        given().get(result).then().statusCode(200).body("figures.selected", hasSize(9));
        given().get("/api/v1/public/congresses/" + t.code() + "/results").then().statusCode(200)
                .body("[0].figures.ballotId", equalTo(ballot));
        t.as().get("/api/v1/congresses/" + t.congressId() + "/audit/verify").then().body("valid", equalTo(true));
        byte[] pdf = given().get(result + "/notice.pdf").then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("表决结果公告"), text);
            assertTrue(text.contains("城区老旧小区改造"), text);
            assertTrue(text.contains("应到 200 人，实到 150 人"), text);
            assertTrue(text.contains("当选"), text);
        }

        // the runoff between the two tied candidates for the last seat
        String runoff = closed.path("figures.followUp.ballotId");
        t.as().get("/api/v1/ballots/" + runoff).then().statusCode(200).body("seats", equalTo(1)).body("items", hasSize(2))
                .body("parentBallotId", equalTo(ballot)).body("status", equalTo("DRAFT"));
        t.as().post("/api/v1/ballots/" + runoff + "/open").then().statusCode(200);
        for (int v = 0; v < 140; v++) {
            Api.cast(hall.deputy(v), runoff, Api.ticks(List.of(candidates.get(v < 110 ? 9 : 10)))).then().statusCode(201);
        }
        Api.cast(hall.deputy(140), runoff, Api.ticks(candidates.subList(9, 11))).then().statusCode(400)
                .body("code", equalTo("TOO_MANY_MARKS"));
        t.as().post("/api/v1/ballots/" + runoff + "/close").then().statusCode(200)
                .body("figures.selected", equalTo(List.of(candidates.get(9))))
                .body("figures.items[0].forCount", equalTo(110)).body("figures.items[1].forCount", equalTo(30));
    }
}
