package cn.minsheng.ballot.congress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import jakarta.inject.Inject;
import cn.minsheng.ballot.common.PdfConfig;
import cn.minsheng.ballot.common.CjkPdf;

/**
 * Login slips on A4, eight to a page (two columns, four rows) with dashed cut lines: congress,
 * deputy, congress code, user name and one-time password in large type, and where to sign in.
 * Times in the congress's zone, as on the result notices.
 */
@ApplicationScoped
public class LoginSlipPdf {

    static final int PER_PAGE = 8;
    private static final float MARGIN = 28;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @Inject
    PdfConfig pdf;

    public byte[] render(List<LoginSlipService.Slip> slips, Instant printedAt) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream();
                CjkPdf cjk = CjkPdf.load(doc, pdf.font())) {
            PDRectangle a4 = PDRectangle.A4;
            float w = (a4.getWidth() - 2 * MARGIN) / 2;
            float h = (a4.getHeight() - 2 * MARGIN) / 4;
            PDPageContentStream content = null;
            for (int i = 0; i < slips.size(); i++) {
                int at = i % PER_PAGE;
                if (at == 0) {
                    if (content != null) {
                        content.close();
                    }
                    PDPage page = new PDPage(a4);
                    doc.addPage(page);
                    content = new PDPageContentStream(doc, page);
                    cutLines(content, a4, w, h);
                }
                float x = MARGIN + (at % 2) * w + 14;
                float top = a4.getHeight() - MARGIN - (at / 2) * h - 24;
                slip(content, cjk, slips.get(i), x, top, w - 28, printedAt);
            }
            if (content != null) {
                content.close();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cutLines(PDPageContentStream c, PDRectangle a4, float w, float h) throws IOException {
        c.setLineDashPattern(new float[] { 4, 4 }, 0);
        c.setLineWidth(0.5f);
        c.moveTo(MARGIN + w, MARGIN);
        c.lineTo(MARGIN + w, a4.getHeight() - MARGIN);
        for (int r = 1; r < 4; r++) {
            c.moveTo(MARGIN, MARGIN + r * h);
            c.lineTo(a4.getWidth() - MARGIN, MARGIN + r * h);
        }
        c.stroke();
    }

    private static void slip(PDPageContentStream c, CjkPdf cjk, LoginSlipService.Slip s, float x, float top, float width,
            Instant printedAt) throws IOException {
        float y = top;
        y = line(c, cjk, s.congressName() + " 代表登录条", 12, x, y, width);
        y = line(c, cjk, "代表：" + s.deputyName() + "（编号 " + s.deputyCode() + "）"
                + (s.delegation() == null || s.delegation().isBlank() ? "" : "  " + s.delegation()), 10, x, y - 4, width);
        y = line(c, cjk, "人大代码：" + s.congressCode(), 11, x, y - 2, width);
        y = line(c, cjk, "用户名：" + s.username(), 13, x, y, width);
        y = line(c, cjk, "一次性密码：" + s.password(), 13, x, y, width);
        y = line(c, cjk, "在代表表决器（/app/deputy）或手机上登录。请妥善保管，勿交他人；遗失请联系秘书处重新打印，旧登录条随即作废。",
                8, x, y - 4, width);
        line(c, cjk, "打印时间：" + TIME.format(printedAt), 7, x, y - 2, width);
    }

    private static float line(PDPageContentStream c, CjkPdf cjk, String text, float size, float x, float y, float width)
            throws IOException {
        for (String part : cjk.wrap(text, size, width)) {
            cjk.show(c, part, size, x, y);
            y -= size * 1.6f;
        }
        return y;
    }
}
