package cn.minsheng.ballot.ballot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** With the service's own logging turned all the way up, no log line puts a deputy next to what they voted. */
@QuarkusTest
class LogSecrecyTest {

    @Test
    void noLogLineLinksADeputyToTheirChoices() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 4);
        String ballot = Api.openBallot(hall, Map.of("title", "票决", "kind", "SELECTION", "seats", 2, "minSurplus", 1, "itemIds", c));

        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                String message = r.getMessage();
                if (r.getParameters() != null) {
                    message = message + " " + java.util.Arrays.toString(r.getParameters());
                }
                lines.add(message + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("cn.minsheng");
        Level before = ours.getLevel();
        root.addHandler(capture);
        ours.setLevel(Level.ALL);
        List<String> trackers = new ArrayList<>();
        String marker = "log-capture-check " + java.util.UUID.randomUUID();
        try {
            // proves the capture works at the debug level of the service's loggers: an empty capture fails below
            Logger.getLogger("cn.minsheng.ballot.ballot").fine(marker);
            for (int d = 0; d < 3; d++) {
                trackers.add(Api.cast(hall.deputy(d), ballot, Api.ticks(c.subList(d, d + 2))).then().statusCode(201).extract()
                        .path("tracker"));
            }
            // and a refused one, whose error path logs too if anything does
            Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(409);
            t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200);
        } finally {
            ours.setLevel(before);
            root.removeHandler(capture);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains(marker)), "nothing was captured: the check below would prove nothing");
        for (String line : new ArrayList<>(lines)) {
            boolean namesDeputy = hall.deputyIds().stream().anyMatch(line::contains) || line.contains("代表000");
            boolean namesVote = c.stream().anyMatch(line::contains) || trackers.stream().anyMatch(line::contains);
            assertTrue(!(namesDeputy && namesVote), "a log line links a deputy to a vote: " + line);
        }
    }
}
