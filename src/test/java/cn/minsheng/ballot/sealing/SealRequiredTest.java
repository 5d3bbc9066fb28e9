package cn.minsheng.ballot.sealing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code minsheng.seal.require-ceremony} on (production's default), a SECRET ballot of a session whose scrutineers
 * have held no key ceremony does not open, and says why in words; a NAMED (roll-call) ballot, public anyway, opens.
 */
@QuarkusTest
@TestProfile(SealRequiredTest.CeremonyRequired.class)
class SealRequiredTest {

    public static class CeremonyRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("minsheng.seal.require-ceremony", "true");
        }
    }

    @Test
    void aSecretBallotWaitsForTheKeyCeremonyANamedOneDoesNot() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> candidates = Api.candidates15(t, Api.openWindow(t, 2027));
        String ballots = "/api/v1/sessions/" + hall.sessionId() + "/ballots";
        String secret = t.as().body(Map.of("title", "无记名票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1,
                "itemIds", candidates.subList(0, 2))).post(ballots).then().statusCode(201).extract().path("id");
        t.as().post("/api/v1/ballots/" + secret + "/open").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("CEREMONY_REQUIRED")).body("detail", containsString("密钥仪式"));
        t.as().get("/api/v1/ballots/" + secret).then().body("status", equalTo("DRAFT"));

        String named = t.as().body(Map.of("title", "记名表决", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "secrecy", "NAMED",
                "itemIds", candidates.subList(0, 2))).post(ballots).then().statusCode(201).extract().path("id");
        t.as().post("/api/v1/ballots/" + named + "/open").then().statusCode(200).body("status", equalTo("OPEN"))
                .body("sealed", equalTo(false));
    }
}
