package cn.minsheng.ballot.result;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import jakarta.inject.Inject;
import cn.minsheng.ballot.common.ZoneConfig;
import cn.minsheng.ballot.common.PdfConfig;
import cn.minsheng.ballot.common.CjkPdf;
import cn.minsheng.ballot.congress.Congress;
import cn.minsheng.ballot.session.FractionText;
import cn.minsheng.ballot.session.Session;
import cn.minsheng.ballot.session.SessionKind;
import cn.minsheng.ballot.tally.BallotKind;
import cn.minsheng.ballot.tally.ChineseNumber;
import cn.minsheng.ballot.tally.Method;

/**
 * The result notice (公告) as an official document, laid out as GB/T 9704-2012 lays one out: the
 * issuing body in red above a red rule, the document number (第N号), the title, the body with the
 * figures, the table of items with each outcome and its reason, the issuer and the date in Chinese
 * numerals, then the audit-chain head and a QR code that opens the public board of the ballot.
 * A4, margins of the standard (37 mm top, 28 mm left, 26 mm right, 35 mm bottom), a subset of a CJK
 * TrueType font embedded (minsheng.notice.font) so it prints the same anywhere.
 */
@ApplicationScoped
public class NoticePdf {

    private static final float MM = 72f / 25.4f;
    private static final float TOP = 37 * MM;
    private static final float LEFT = 28 * MM;
    private static final float RIGHT = 26 * MM;
    private static final float BOTTOM = 35 * MM;
    private static final Color RED = new Color(230, 0, 18);
    private static final float BODY = 12;
    private static final float CELL = 9.5f;
    private static final float QR = 25 * MM;

    @Inject
    PdfConfig pdf;

    @Inject
    ResultConfig.Public publicConfig;

    @Inject
    ZoneConfig zoneConfig;

    /** 发文机关: the session's presidium for a meeting of the congress, else its standing committee. */
    static String issuer(Session session, Congress congress) {
        String name = congress.name.trim();
        int cut = name.indexOf("人民代表大会");
        String congressName = cut < 0 ? name : name.substring(0, cut + "人民代表大会".length());
        if (session.kind == SessionKind.STANDING_COMMITTEE) {
            return congressName + "常务委员会";
        }
        String place = cut < 0 ? "" : name.substring(0, cut);
        String meeting = session.name.trim();
        return (meeting.startsWith(place) ? meeting : place + meeting) + "主席团";
    }

    /** The public page the QR code opens: the ballot's board, with the congress's published results a click away. */
    public String publicUrl(Congress congress, String ballotId) {
        String publicBaseUrl = publicConfig.baseUrl();
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + "/app/public/" + URLEncoder.encode(congress.code, StandardCharsets.UTF_8) + "/board/" + ballotId;
    }

    public byte[] render(ResultService.Notice notice) {
        ResultService.ResultView result = notice.result();
        ResultFigures f = result.figures();
        boolean published = result.status() == BallotResult.Status.PUBLISHED;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream();
                CjkPdf cjk = CjkPdf.load(doc, pdf.font())) {
            Sheet sheet = new Sheet(doc, cjk);
            String issuer = issuer(notice.session(), notice.congress());
            // 版头: 发文机关标志 in red, 发文字号, the red rule
            sheet.centered(issuer + "公告", 22, RED, 16);
            sheet.space(6);
            sheet.centered(published && result.noticeNumber() != null ? "第" + result.noticeNumber() + "号" : "（草稿，尚未公布，无文号）",
                    14, Color.BLACK, 14);
            sheet.space(4);
            sheet.rule(RED, 1.5f);
            sheet.space(18);
            // 标题
            sheet.centered(f.title() + "表决结果公告", 18, Color.BLACK, 18);
            sheet.space(12);
            // 正文
            sheet.paragraph(opening(notice, f), BODY);
            sheet.paragraph(figures(f), BODY);
            if (result.ruleSet() != null) {
                sheet.paragraph("本次表决依据《" + result.ruleSet().name() + "》进行。", BODY);
            }
            if (f.voided()) {
                sheet.paragraph(VoidText.of(f) + "本次表决无效，应重新进行。", BODY);
            }
            sheet.paragraph("现将表决结果公告如下：", BODY);
            sheet.space(4);
            table(sheet, f);
            sheet.space(8);
            for (String line : closing(result, f)) {
                sheet.paragraph(line, BODY);
            }
            sheet.paragraph("特此公告。", BODY);
            sheet.space(BODY);
            // 发文机关署名 and 成文日期 on the right (右空四字); the QR code of the public board beside them, on the left
            Instant dated = published ? result.publishedAt() : null;
            String url = publicUrl(notice.congress(), f.ballotId());
            sheet.need(QR + 40);
            float top = sheet.y;
            // right by four characters, less when a long name would reach the code
            float inset = Math.max(0, Math.min(BODY * 4, sheet.width - QR - 8 - cjk.width(issuer, BODY)));
            sheet.right(issuer, BODY, inset);
            sheet.right(dated == null ? "（未公布）" : ChineseNumber.date(dated.atZone(zoneConfig.zone()).toLocalDate()), BODY, inset);
            sheet.qr(top, qr(url));
            // 附注: where the code leads, and the audit-chain head at publication
            sheet.paragraphAt("扫码查看公开结果及公示板：" + url, 7, 0);
            if (result.auditHead() != null) {
                sheet.paragraphAt("审计链哈希（公布时）：" + result.auditHead(), 7, 0);
            }
            sheet.finish();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String opening(ResultService.Notice notice, ResultFigures f) {
        String when = f.closedAt() == null ? "" : "于" + ChineseNumber.date(f.closedAt().atZone(zoneConfig.zone()).toLocalDate());
        return notice.session().name + when + "对《" + f.title() + "》进行" + (f.secrecy().name().equals("SECRET") ? "无记名投票" : "记名投票")
                + "表决，通过条件为" + baseLabel(f) + "的" + ChineseNumber.of(FractionText.parse("threshold", f.threshold().fraction()))
                + (f.threshold().inclusive() ? "以上" : "以上（不含本数）") + "。";
    }

    private static String figures(ResultFigures f) {
        return "应到 " + f.seated() + " 人，实到 " + f.present() + " 人；发出选票 " + f.issued() + " 张，收回 " + f.returned()
                + " 张，其中有效票 " + f.valid() + " 张，无效票 " + f.invalid() + " 张。";
    }

    private static List<String> closing(ResultService.ResultView result, ResultFigures f) {
        List<String> lines = new ArrayList<>();
        if (f.kind() == BallotKind.SELECTION) {
            lines.add("应选 " + f.seats() + " 项，当选 " + f.selected().size() + " 项。");
        }
        if (f.followUp() != null) {
            lines.add(switch (f.followUp().kind()) {
                case "RUNOFF" -> "得票相等项目另行投票，剩余名额 " + f.followUp().seats() + " 个。";
                case "SUPPLEMENTARY" -> "当选项目不足应选数，补充投票名额 " + f.followUp().seats() + " 个。";
                default -> "得票相等项目由主持人决定：" + (result.chairDecisionReason() == null ? "待定" : result.chairDecisionReason());
            });
        }
        if (f.lot() != null) {
            lines.add("得票相等项目抽签决定，公开种子 " + f.lot().seed() + "。");
        }
        lines.add("监票人签字：" + String.join("、", result.countersignatures().stream()
                .map(ResultService.Countersignature::scrutineer).toList()) + "。");
        return lines;
    }

    private static String baseLabel(ResultFigures f) {
        return switch (f.threshold().base()) {
            case ALL_SEATED -> "全体代表";
            case PRESENT -> "出席代表";
            case BALLOTS_CAST -> "收回选票";
            case VALID_BALLOTS -> "有效票";
        };
    }

    private static void table(Sheet sheet, ResultFigures f) throws IOException {
        String counts = f.method() == Method.RATING ? "满意/基本满意/不满意/弃权（满意率）"
                : f.method() == Method.APPROVAL ? "得票" : "赞成/反对/弃权";
        float w = sheet.width;
        float[] cols = { 0.07f * w, 0.25f * w, 0.17f * w, 0.08f * w, 0.43f * w };
        String[] header = { "序号", "项目", counts, "名次", "结果及理由" };
        sheet.header(cols, header);
        for (ResultFigures.Item i : f.items()) {
            String n = f.method() == Method.RATING
                    ? i.satisfiedCount() + "/" + i.basicallySatisfiedCount() + "/" + i.unsatisfiedCount() + "/" + i.abstainCount()
                            + "（" + i.satisfactionPercent() + "%）"
                    : f.method() == Method.APPROVAL ? Integer.toString(i.forCount())
                            : i.forCount() + "/" + i.againstCount() + "/" + i.abstainCount();
            sheet.row(cols, new String[] { Integer.toString(i.position()), i.label(), n, i.rank() > 0 && f.kind() != BallotKind.MOTION ? "第" + i.rank() + "名" : "—",
                    outcome(i) + (i.reason() == null ? "" : "。" + i.reason()) });
        }
    }

    static String outcome(ResultFigures.Item i) {
        return switch (i.outcome()) {
            case SELECTED -> "当选";
            case NOT_SELECTED -> "未当选";
            case REJECTED -> "未通过"; // below the threshold, whichever it is (a majority, two thirds …): the reason says which
            case TIED -> "得票相等";
            case ADOPTED -> "通过";
            case NOT_ADOPTED -> "未通过";
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case UNSATISFIED -> "不满意";
            case VOID -> "无效";
        };
    }

    private static BitMatrix qr(String url) {
        try {
            // one module per unit; the sheet scales it to the printed size
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("the public address does not fit a QR code: " + url, e);
        }
    }

    /** The text area of A4 pages, filled from the top: a new page when the next block does not fit. */
    private static final class Sheet {
        final PDDocument doc;
        final CjkPdf cjk;
        final PDRectangle a4 = PDRectangle.A4;
        final float width = PDRectangle.A4.getWidth() - LEFT - RIGHT;
        PDPageContentStream content;
        float y;
        String[] header;
        float[] headerCols;

        Sheet(PDDocument doc, CjkPdf cjk) throws IOException {
            this.doc = doc;
            this.cjk = cjk;
            newPage();
        }

        void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(a4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = a4.getHeight() - TOP;
        }

        void need(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        void space(float height) {
            y -= height;
        }

        void centered(String text, float size, Color color, float minSize) throws IOException {
            float s = size;
            while (s > minSize && cjk.width(text, s) > width) {
                s -= 1;
            }
            for (String line : cjk.wrap(text, s, width)) {
                need(s * 1.5f);
                y -= s;
                content.setNonStrokingColor(color);
                cjk.show(content, line, s, LEFT + (width - cjk.width(line, s)) / 2, y);
                content.setNonStrokingColor(Color.BLACK);
                y -= s * 0.5f;
            }
        }

        void right(String text, float size, float inset) throws IOException {
            need(size * 1.8f);
            y -= size;
            cjk.show(content, text, size, LEFT + width - inset - cjk.width(text, size), y);
            y -= size * 0.8f;
        }

        /** A paragraph with the first line indented two characters, as the body of a document is. */
        void paragraph(String text, float size) throws IOException {
            paragraphAt(text, size, 2 * size);
        }

        void paragraphAt(String text, float size, float indent) throws IOException {
            List<String> first = cjk.wrap(text, size, width - indent);
            String rest = text.substring(first.get(0).length());
            List<String> lines = new ArrayList<>(List.of(first.get(0)));
            if (!rest.isEmpty()) {
                lines.addAll(cjk.wrap(rest, size, width));
            }
            for (int i = 0; i < lines.size(); i++) {
                need(size * 1.75f);
                y -= size;
                cjk.show(content, lines.get(i), size, LEFT + (i == 0 ? indent : 0), y);
                y -= size * 0.75f;
            }
        }

        void rule(Color color, float thickness) throws IOException {
            content.setNonStrokingColor(color);
            content.addRect(LEFT, y - thickness, width, thickness);
            content.fill();
            content.setNonStrokingColor(Color.BLACK);
            y -= thickness;
        }

        void header(float[] cols, String[] cells) throws IOException {
            header = cells;
            headerCols = cols;
            row(cols, cells);
        }

        /** One row of the table, its cells wrapped, ruled all round; a row that does not fit starts a page under the header again. */
        void row(float[] cols, String[] cells) throws IOException {
            float pad = 3;
            float line = CELL * 1.45f;
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < cells.length; c++) {
                List<String> w = cjk.wrap(cells[c], CELL, cols[c] - 2 * pad);
                wrapped.add(w);
                lines = Math.max(lines, w.size());
            }
            float height = lines * line + 2 * pad;
            if (y - height < BOTTOM) {
                newPage();
                if (cells != header) {
                    row(headerCols, header);
                }
            }
            float x = LEFT;
            content.setLineWidth(0.5f);
            for (int c = 0; c < cells.length; c++) {
                content.addRect(x, y - height, cols[c], height);
                float ty = y - pad - CELL;
                for (String text : wrapped.get(c)) {
                    cjk.show(content, text, CELL, x + pad, ty);
                    ty -= line;
                }
                x += cols[c];
            }
            content.stroke();
            y -= height;
        }

        /** The QR code from {@code top} down at the left margin, its modules drawn as squares (sharp at any print size). */
        void qr(float top, BitMatrix m) throws IOException {
            float module = QR / m.getWidth();
            content.setNonStrokingColor(Color.BLACK);
            for (int r = 0; r < m.getHeight(); r++) {
                for (int c = 0; c < m.getWidth(); c++) {
                    if (m.get(c, r)) {
                        content.addRect(LEFT + c * module, top - (r + 1) * module, module, module);
                    }
                }
            }
            content.fill();
            y = Math.min(y, top - QR) - 2;
        }

        void finish() throws IOException {
            content.close();
        }
    }
}
