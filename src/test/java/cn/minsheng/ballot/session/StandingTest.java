package cn.minsheng.ballot.session;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Seated, present and in office is written once, in the database function session_standing: the cast
 * statement's admission ({@link SessionService#MAY_CAST}) and the refusal's explanation
 * ({@link SessionService#standing}) read the same row, so they agree for every kind of deputy.
 */
@QuarkusTest
class StandingTest {

    @Inject
    SessionService sessions;

    @Inject
    EntityManager em;

    @Test
    void theCastAdmissionAndItsExplanationComeFromOneRule() {
        Api.Hall hall = Api.hall(5, 4);
        Api.Tenant t = hall.tenant();
        String attendance = "/api/v1/sessions/" + hall.sessionId() + "/attendance";
        t.as().body(Map.of("deputyId", hall.deputyIds().get(1), "state", "ON_LEAVE")).post(attendance).then().statusCode(200);
        t.as().body(Map.of("deputyId", hall.deputyIds().get(2), "state", "CHECKED_OUT")).post(attendance).then().statusCode(200);
        t.as().body(Map.of("status", "SUSPENDED")).patch("/api/v1/congresses/" + t.congressId() + "/deputies/" + hall.deputyIds().get(3))
                .then().statusCode(200);
        String late = t.as().body(Map.of("name", "补选代表", "username", Api.unique("late"), "password", Api.PASSWORD))
                .post("/api/v1/congresses/" + t.congressId() + "/deputies").then().statusCode(201).extract().path("id");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(hall.deputyIds().get(0), null); // seated, present, in office
        expected.put(hall.deputyIds().get(1), "NOT_PRESENT"); // on leave
        expected.put(hall.deputyIds().get(2), "NOT_PRESENT"); // checked out
        expected.put(hall.deputyIds().get(3), "DEPUTY_NOT_IN_OFFICE"); // present, then suspended
        expected.put(hall.deputyIds().get(4), "NOT_PRESENT"); // never checked in
        expected.put(late, "NOT_SEATED"); // added after the session opened
        expected.put(UUID.randomUUID().toString(), "NOT_SEATED"); // nobody

        UUID session = UUID.fromString(hall.sessionId());
        expected.forEach((deputy, refusal) -> QuarkusTransaction.requiringNew().run(() -> {
            SessionService.Standing standing = sessions.standing(session, UUID.fromString(deputy));
            assertEquals(refusal, standing.castRefusal(), deputy);
            boolean admitted = (Boolean) em.createNativeQuery("SELECT " + SessionService.MAY_CAST)
                    .setParameter("s", session).setParameter("d", UUID.fromString(deputy)).getSingleResult();
            assertEquals(refusal == null, admitted, deputy);
        }));
        UUID suspended = UUID.fromString(hall.deputyIds().get(3));
        QuarkusTransaction.requiringNew().run(() -> {
            SessionService.Standing standing = sessions.standing(session, suspended);
            assertEquals(true, standing.seated());
            assertEquals(AttendanceState.PRESENT, standing.state());
            assertEquals(false, standing.inOffice());
        });

        // and through the API: the present deputy casts, the one who checked out is told why not
        var items = Api.candidates15(t, Api.openWindow(t, 2029)).subList(0, 3);
        t.as().body(Map.of("deputyId", hall.deputyIds().get(1), "state", "PRESENT")).post(attendance).then().statusCode(200);
        Api.as(hall.deputy(4)).body("{}").post(attendance).then().statusCode(200); // quorum: 4 of 5 present
        String ballot = Api.openBallot(hall, Map.of("title", "票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", items));
        Api.cast(hall.deputy(0), ballot, Api.ticks(items.subList(0, 1))).then().statusCode(201);
        Api.cast(hall.deputy(2), ballot, Api.ticks(items.subList(0, 1))).then().statusCode(403).body("code", equalTo("NOT_PRESENT"));
    }
}
