package cn.minsheng.ballot.hardening;

import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 17, item 1: an XLSX that expands to far more than it weighs is refused before it is read. */
@QuarkusTest
class RosterBombTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    interface SheetBody {
        void write(OutputStream out) throws IOException;
    }

    static byte[] workbook(SheetBody sheet) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
                    <sheet name="代表" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            sheet.write(zip);
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String importPath(Tenant t) {
        return "/api/v1/congresses/" + t.congressId() + "/deputies/import";
    }

    @Test
    void oneHugeInlineStringIsRefusedAs422BeforeItIsRead() throws IOException {
        byte[] bomb = workbook(out -> {
            out.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 48; i++) {
                out.write(chunk); // 48 MiB of one cell, about 50 KiB zipped
            }
            out.write("</t></is></c></row>".getBytes(StandardCharsets.UTF_8));
        });
        Tenant t = Api.tenant();
        Api.upload(t.secretariat(), importPath(t), bomb, XLSX).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("CELL_TOO_LONG"));
    }

    @Test
    void aSheetThatExpandsTooFarIsRefusedAs413() throws IOException {
        byte[] bomb = workbook(out -> {
            byte[] row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c><c t=\"inlineStr\"><is><t>y</t></is></c></row>"
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 1_000_000; i++) {
                out.write(row); // 2 million cells, 80 MB unzipped
            }
        });
        Tenant t = Api.tenant();
        Api.upload(t.secretariat(), importPath(t), bomb, XLSX).then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("SPREADSHEET_TOO_LARGE"));
    }

    @Test
    void aCellFarDownTheSheetCannotMakeTheReaderPadMillionsOfRows() throws IOException {
        byte[] far = workbook(out -> out.write("""
                <row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is></c></row>\
                <row r="1048576"><c r="A1048576" t="inlineStr"><is><t>X1</t></is></c></row>""".getBytes(StandardCharsets.UTF_8)));
        Tenant t = Api.tenant();
        Api.upload(t.secretariat(), importPath(t), far, XLSX).then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("SPREADSHEET_TOO_LARGE"));
    }

    @Test
    void anOrdinaryWorkbookStillImports() throws IOException {
        byte[] ok = workbook(out -> out.write("""
                <row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is></c></row>\
                <row r="2"><c r="A2" t="inlineStr"><is><t>X1</t></is></c><c r="B2" t="inlineStr"><is><t>张三</t></is></c></row>"""
                .getBytes(StandardCharsets.UTF_8)));
        Tenant t = Api.tenant();
        Api.upload(t.secretariat(), importPath(t), ok, XLSX).then().statusCode(201).body("imported", equalTo(1));
    }
}
