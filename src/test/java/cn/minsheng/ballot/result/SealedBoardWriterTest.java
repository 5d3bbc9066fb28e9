package cn.minsheng.ballot.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minsheng.ballot.ballot.SealRecords.BoardBallot;
import cn.minsheng.ballot.result.SealedCountService.BoardPage;
import cn.minsheng.ballot.result.SealedCountService.SealedBoardView;

/** The board written page by page is the view's JSON with every ballot in it, and a board cut short never parses as whole. */
class SealedBoardWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID BALLOT = UUID.randomUUID();

    private static List<BoardBallot> box(int n) {
        List<BoardBallot> ballots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ballots.add(new BoardBallot(String.format("%064x", i), String.format("%02x", i)));
        }
        return ballots;
    }

    private static SealedBoardView head(List<BoardBallot> ballots) {
        return new SealedBoardView("minsheng-seal/v1/board", null, BALLOT.toString(), null, "ab", ballots, null, List.of(), null,
                List.of(), List.of());
    }

    /** A writer over a box of these ballots, read in pages of the given size; the page after failAfter pages fails. */
    private static SealedBoardWriter writer(List<BoardBallot> box, int page, int failAfter) {
        SealedBoardWriter w = new SealedBoardWriter();
        w.page = page;
        w.mapper = JSON;
        w.sealed = new SealedCountService() {
            int read;

            @Override
            public BoardPage boardPage(UUID ballotId, String after, int limit) {
                if (read++ == failAfter) {
                    throw new IllegalStateException("the database went away");
                }
                int from = 0;
                while (after != null && from < box.size() && box.get(from).tracker().compareTo(after) <= 0) {
                    from++;
                }
                List<BoardBallot> ballots = box.subList(from, Math.min(box.size(), from + limit));
                return new BoardPage(ballots, ballots.isEmpty() ? after : ballots.get(ballots.size() - 1).tracker());
            }
        };
        return w;
    }

    @Test
    void pagesAddUpToTheWholeBoard() throws Exception {
        for (int n : new int[] { 0, 2, 6, 7 }) {
            List<BoardBallot> box = box(n);
            SealedBoardWriter w = writer(box, 3, -1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            w.write(BALLOT, head(List.of()), w.firstPage(BALLOT), out);
            assertEquals(JSON.valueToTree(head(box)), JSON.readTree(out.toByteArray()), n + " ballots in pages of 3");
        }
    }

    @Test
    void aPageThatCannotBeReadLeavesTheBoardVisiblyUnfinished() throws Exception {
        SealedBoardWriter w = writer(box(7), 3, 1); // the first page read, the second fails
        BoardPage first = w.firstPage(BALLOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalStateException.class, () -> w.write(BALLOT, head(List.of()), first, out));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(box(7).get(2).tracker()), "the first page went out: " + text);
        assertThrows(JsonProcessingException.class, () -> JSON.readTree(text), "a board cut short must not parse: " + text);
    }
}
