package cn.minsheng.ballot.congress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.FieldError;
import cn.minsheng.ballot.common.Messages;

/**
 * Reads a roster as Chinese Excel users produce it: CSV in UTF-8 (with or without BOM) or GBK,
 * or an XLSX workbook (first sheet); a header row in Chinese or English. Every problem is reported
 * with its spreadsheet row number (the header is row 1) and column, and nothing is accepted unless
 * the whole file is clean.
 */
final class RosterFile {

    enum Column {
        CODE(true, 32, "编号", "代表编号", "code"),
        NAME(true, 100, "姓名", "name"),
        DELEGATION(false, 100, "代表团", "delegation"),
        DISTRICT(false, 100, "选区", "district"),
        STATUS(false, 16, "状态", "status");

        final boolean required;
        final int maxLength;
        final List<String> headers;

        Column(boolean required, int maxLength, String... headers) {
            this.required = required;
            this.maxLength = maxLength;
            this.headers = Arrays.asList(headers);
        }

        static Optional<Column> byHeader(String header) {
            String h = header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(c -> c.headers.contains(h)).findFirst();
        }

        String label() {
            return headers.get(0);
        }
    }

    /** One clean roster line. */
    record Entry(int row, String code, String name, String delegation, String district, DeputyStatus status) {
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_ERRORS = 1000;

    private final Locale locale;
    private final List<FieldError> errors = new ArrayList<>();

    RosterFile(Locale locale) {
        this.locale = locale;
    }

    List<FieldError> errors() {
        return errors;
    }

    /** Parses and checks each row; problems land in {@link #errors()}. A file without a data row is empty. */
    List<Entry> read(byte[] bytes, String mediaType) {
        if (bytes.length == 0) {
            throw new ApiException(ApiException.Kind.INVALID, "EMPTY_FILE");
        }
        List<List<String>> table = isXlsx(bytes, mediaType) ? readXlsx(bytes) : readCsv(decode(bytes, mediaType));
        List<List<String>> nonEmpty = table.stream().filter(r -> r.stream().anyMatch(c -> !c.isBlank())).toList();
        if (table.isEmpty() && !errors.isEmpty()) {
            return List.of();
        }
        if (nonEmpty.size() < 2 && errors.isEmpty()) {
            throw new ApiException(ApiException.Kind.INVALID, "EMPTY_FILE");
        }
        return entries(table);
    }

    private List<Entry> entries(List<List<String>> table) {
        List<String> header = table.get(0);
        Map<Integer, Column> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            Column.byHeader(header.get(i)).ifPresent(c -> columns.put(index, c));
        }
        for (Column c : Column.values()) {
            if (c.required && !columns.containsValue(c)) {
                error(1, c.label(), "import.missingColumn", c.label());
            }
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            int rowNumber = r + 1;
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (cells.stream().skip(header.size()).anyMatch(c -> !c.isBlank())) {
                error(rowNumber, null, "import.columnCount", header.size(), cells.size());
                continue;
            }
            Map<Column, String> values = new HashMap<>();
            columns.forEach((i, c) -> values.put(c, i < cells.size() ? cells.get(i).trim() : ""));
            Entry entry = check(rowNumber, values);
            if (entry != null) {
                Integer first = firstRowOfCode.putIfAbsent(entry.code().toLowerCase(Locale.ROOT), rowNumber);
                if (first != null) {
                    error(rowNumber, Column.CODE.label(), "import.duplicateInFile", first);
                } else {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    private Entry check(int row, Map<Column, String> values) {
        int before = errors.size();
        for (Column c : Column.values()) {
            String v = values.getOrDefault(c, "");
            if (c.required && v.isEmpty()) {
                error(row, c.label(), "import.required");
            } else if (v.length() > c.maxLength) {
                error(row, c.label(), "import.tooLong", c.maxLength);
            }
        }
        String code = values.getOrDefault(Column.CODE, "");
        if (!code.isEmpty() && !code.matches("[A-Za-z0-9_-]+")) {
            error(row, Column.CODE.label(), "import.badCode");
        }
        String statusText = values.getOrDefault(Column.STATUS, "");
        Optional<DeputyStatus> status = statusText.isEmpty() ? Optional.of(DeputyStatus.SEATED) : DeputyStatus.parse(statusText);
        if (status.isEmpty()) {
            error(row, Column.STATUS.label(), "import.badStatus", statusText);
        }
        if (errors.size() > before) {
            return null;
        }
        return new Entry(row, code, values.get(Column.NAME), blankToNull(values.get(Column.DELEGATION)),
                blankToNull(values.get(Column.DISTRICT)), status.get());
    }

    void error(int row, String column, String messageKey, Object... args) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new FieldError(column, Messages.text(locale, messageKey, args), row, messageKey));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static boolean isXlsx(byte[] bytes, String mediaType) {
        boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        return zip || (mediaType != null && mediaType.startsWith(XLSX));
    }

    /** BOM means UTF-8; a declared charset wins; otherwise strict UTF-8, then GBK (its superset GB18030). */
    static String decode(byte[] bytes, String mediaType) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        Optional<Charset> declared = declaredCharset(mediaType);
        if (declared.isPresent()) {
            return new String(bytes, declared.get());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    private static Optional<Charset> declaredCharset(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        for (String part : mediaType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring(8).replace("\"", "").trim();
                try {
                    return Optional.of(Charset.forName(name.equalsIgnoreCase("gbk") ? "GB18030" : name));
                } catch (IllegalArgumentException unknown) {
                    throw new ApiException(ApiException.Kind.INVALID, "UNREADABLE_FILE", "charset " + name);
                }
            }
        }
        return Optional.empty();
    }

    private List<List<String>> readCsv(String text) {
        List<List<String>> table = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    table.add(records.next().toList());
                } catch (UncheckedIOException | IllegalStateException malformed) {
                    // the parser cannot go on past a broken quote: report where it stopped
                    error(table.size() + 1, null, "import.malformed", rootMessage(malformed));
                    break;
                }
            }
        } catch (IOException e) {
            throw new ApiException(ApiException.Kind.INVALID, "UNREADABLE_FILE", e.getMessage());
        }
        return table;
    }

    private static List<List<String>> readXlsx(byte[] bytes) {
        XlsxLimits.check(bytes); // before any reader expands it
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getFirstSheet();
            List<List<String>> table = new ArrayList<>();
            for (Row row : sheet.read()) {
                // keep spreadsheet row numbers: pad skipped empty rows
                if (row.getRowNum() > XlsxLimits.MAX_CELLS) {
                    throw new ApiException(ApiException.Kind.TOO_LARGE, "SPREADSHEET_TOO_LARGE", XlsxLimits.MAX_CELLS + " rows");
                }
                while (table.size() < row.getRowNum() - 1) {
                    table.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCellText(i) == null ? "" : row.getCellText(i));
                }
                table.add(cells);
            }
            return table;
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ApiException(ApiException.Kind.INVALID, "UNREADABLE_FILE", "xlsx: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
