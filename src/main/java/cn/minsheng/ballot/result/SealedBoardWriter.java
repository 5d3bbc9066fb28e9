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

    public void write(UUID ballotId, SealedBoardView head, OutputStream out) throws IOException {
        try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            for (RecordComponent c : SealedBoardView.class.getRecordComponents()) {
                g.writeFieldName(c.getName());
                if (c.getName().equals("ballots")) {
                    writeBallots(ballotId, g);
                } else {
                    g.writeObject(value(c, head));
                }
            }
            g.writeEndObject();
        }
    }

    private void writeBallots(UUID ballotId, JsonGenerator g) throws IOException {
        g.writeStartArray();
        String after = null;
        while (true) {
            SealedCountService.BoardPage batch = sealed.boardPage(ballotId, after, page);
            for (SealRecords.BoardBallot b : batch.ballots()) {
                g.writeObject(b);
            }
            g.flush();
            if (batch.ballots().size() < page) {
                break;
            }
            after = batch.last();
        }
        g.writeEndArray();
    }

    private static Object value(RecordComponent c, SealedBoardView head) {
        try {
            return c.getAccessor().invoke(head);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
