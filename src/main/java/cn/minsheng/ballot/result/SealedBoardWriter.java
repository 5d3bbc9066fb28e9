package cn.minsheng.ballot.result;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minsheng.ballot.ballot.SealRecords;
import cn.minsheng.ballot.result.SealedCountService.SealedBoardView;

/**
 * Writes a sealed board as it is read: the head's fields in the view's order, and in place of its (empty)
 * list of ballots the box's ballots, a page at a time. The JSON is the same as the view's would be with every
 * ballot in it; only one page is in memory at once.
 * <p>
 * A board cut short must never look whole: if a page cannot be read, nothing closes the open array and object
 * or ends the answer normally; the exception goes on, and the client sees the transfer broken off. The first
 * page is read before anything is written ({@link #firstPage}), so a database out of reach then is still a 503.
 */
@ApplicationScoped
public class SealedBoardWriter {

    /** ballots per page (200: about 2 MB of hex for 15-item ballots; the tests use 3, so that every board spans pages) */
    @ConfigProperty(name = "minsheng.board.page")
    int page;

    @Inject
    SealedCountService sealed;

    @Inject
    ObjectMapper mapper;

    /** The box's first page, read while a refusal can still be answered as one. */
    public SealedCountService.BoardPage firstPage(UUID ballotId) {
        return sealed.boardPage(ballotId, null, pageSize());
    }

    public void write(UUID ballotId, SealedBoardView head, SealedCountService.BoardPage first, OutputStream out) throws IOException {
        JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        for (RecordComponent c : SealedBoardView.class.getRecordComponents()) {
            g.writeFieldName(c.getName());
            if (c.getName().equals("ballots")) {
                writeBallots(ballotId, first, g);
            } else {
                g.writeObject(value(c, head));
            }
        }
        g.writeEndObject();
        g.close(); // only when whole: flushes, and leaves the stream to its owner
    }

    private void writeBallots(UUID ballotId, SealedCountService.BoardPage first, JsonGenerator g) throws IOException {
        g.writeStartArray();
        SealedCountService.BoardPage batch = first;
        while (true) {
            for (SealRecords.BoardBallot b : batch.ballots()) {
                g.writeObject(b);
            }
            g.flush();
            if (batch.ballots().size() < pageSize()) {
                break;
            }
            batch = sealed.boardPage(ballotId, batch.last(), pageSize());
        }
        g.writeEndArray();
    }

    private int pageSize() {
        return Math.max(1, page);
    }

    private static Object value(RecordComponent c, SealedBoardView head) {
        try {
            return c.getAccessor().invoke(head);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
