package cn.minsheng.ballot.common;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A CSV download Excel opens correctly: UTF-8 with a byte-order mark, Chinese headers. */
public final class CsvDownload {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private CsvDownload() {
    }

    public static Response of(String filename, List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL)) {
            printer.printRecord(header);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(CsvDownload::neutral).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString(), MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    /**
     * A text cell that Excel would take for a formula (it begins with =, +, -, @, a tab or a carriage
     * return) is written with a leading apostrophe, which Excel shows as text and never evaluates:
     * these exports hold what residents typed, next to their phone numbers. Numbers stay numbers.
     */
    static Object neutral(Object cell) {
        if (cell instanceof Number || cell == null) {
            return cell;
        }
        String text = cell.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** An empty cell for a missing value. */
    public static Object cell(Object value) {
        return value == null ? "" : value;
    }
}
