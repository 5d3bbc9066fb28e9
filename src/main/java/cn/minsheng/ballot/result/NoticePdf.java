package cn.minsheng.ballot.result;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import cn.minsheng.ballot.common.CjkPdf;
import cn.minsheng.ballot.tally.BallotKind;
import cn.minsheng.ballot.tally.Method;

/**
 * The printable result notice (公告): A4, Chinese, with a subset of a CJK TrueType font embedded so
 * it prints the same anywhere. The font file is configuration (minsheng.notice.font).
 */
@ApplicationScoped
public class NoticePdf {

    private static final float MARGIN = 56;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @ConfigProperty(name = "minsheng.notice.font")
    String fontPath;

    public byte[] render(ResultService.ResultView result) {
        ResultFigures f = result.figures();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] { "title", f.title() + " 表决结果公告" });
        lines.add(new String[] { "", result.status() == BallotResult.Status.PUBLISHED ? "" : "（草稿，尚未公布）" });
        lines.add(new String[] { "", "表决方式：" + (f.secrecy().name().equals("SECRET") ? "无记名投票" : "记名投票") + "；"
                + "通过条件：" + baseLabel(f) + "的 " + f.threshold().fraction() + (f.threshold().inclusive() ? " 以上" : " 以上（不含本数）") });
        lines.add(new String[] { "", "应到 " + f.seated() + " 人，实到 " + f.present() + " 人；发出选票 " + f.issued() + " 张，收回 "
                + f.returned() + " 张，其中有效票 " + f.valid() + " 张，无效票 " + f.invalid() + " 张。" });
        if (f.voided()) {
            lines.add(new String[] { "", VoidText.of(f) + "本次表决无效，应重新进行。" });
        }
        lines.add(new String[] { "", "" });
        lines.add(new String[] { "head", header(f) });
        for (ResultFigures.Item i : f.items()) {
            lines.add(new String[] { "", row(f, i) });
            if (i.reason() != null) {
                lines.add(new String[] { "reason", "    " + i.reason() });
            }
        }
        lines.add(new String[] { "", "" });
        if (f.kind() == BallotKind.SELECTION) {
            lines.add(new String[] { "", "应选 " + f.seats() + " 项，当选 " + f.selected().size() + " 项。" });
        }
        if (f.followUp() != null) {
            lines.add(new String[] { "", switch (f.followUp().kind()) {
                case "RUNOFF" -> "得票相等项目另行投票，剩余名额 " + f.followUp().seats() + " 个。";
                case "SUPPLEMENTARY" -> "当选项目不足应选数，补充投票名额 " + f.followUp().seats() + " 个。";
                default -> "得票相等项目由主持人决定：" + (result.chairDecisionReason() == null ? "待定" : result.chairDecisionReason());
            } });
        }
        if (f.lot() != null) {
            lines.add(new String[] { "", "得票相等项目抽签决定，公开种子 " + f.lot().seed() + "。" });
        }
        lines.add(new String[] { "", "监票人签字：" + String.join("、", result.countersignatures().stream()
                .map(ResultService.Countersignature::scrutineer).toList()) });
        if (result.auditHead() != null) {
            lines.add(new String[] { "small", "审计链哈希：" + result.auditHead() });
        }
        if (result.publishedAt() != null) {
            lines.add(new String[] { "", "公布时间：" + TIME.format(result.publishedAt()) });
        }
        return draw(lines);
    }

    private static String baseLabel(ResultFigures f) {
        return switch (f.threshold().base()) {
            case ALL_SEATED -> "全体代表";
            case PRESENT -> "出席代表";
            case BALLOTS_CAST -> "收回选票";
            case VALID_BALLOTS -> "有效票";
        };
    }

    private static String header(ResultFigures f) {
        return f.method() == Method.RATING ? "序号  项目  满意 / 基本满意 / 不满意 / 弃权  满意率  结果"
                : f.method() == Method.APPROVAL ? "序号  项目  得票  名次  结果" : "序号  项目  赞成 / 反对 / 弃权  结果";
    }

    private static String row(ResultFigures f, ResultFigures.Item i) {
        String outcome = switch (i.outcome()) {
            case SELECTED -> "当选";
            case NOT_SELECTED -> "未当选";
            case REJECTED -> "未过半数";
            case TIED -> "得票相等";
            case ADOPTED -> "通过";
            case NOT_ADOPTED -> "未通过";
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case UNSATISFIED -> "不满意";
            case VOID -> "无效";
        };
        String counts = f.method() == Method.RATING
                ? i.satisfiedCount() + " / " + i.basicallySatisfiedCount() + " / " + i.unsatisfiedCount() + " / " + i.abstainCount()
                        + "  " + i.satisfactionPercent() + "%"
                : f.method() == Method.APPROVAL ? i.forCount() + "  第" + i.rank() + "名"
                        : i.forCount() + " / " + i.againstCount() + " / " + i.abstainCount();
        return i.position() + ".  " + i.label() + "  " + counts + "  " + outcome;
    }

    private byte[] draw(List<String[]> lines) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream();
                CjkPdf cjk = CjkPdf.load(doc, fontPath)) {
            PDType0Font font = cjk.font;
            PDRectangle a4 = PDRectangle.A4;
            PDPage page = null;
            PDPageContentStream content = null;
            float y = 0;
            for (String[] line : lines) {
                float size = switch (line[0]) {
                    case "title" -> 16;
                    case "small" -> 7;
                    case "reason" -> 9;
                    default -> 10.5f;
                };
                for (String text : cjk.wrap(line[1], size, a4.getWidth() - 2 * MARGIN)) {
                    if (content == null || y < MARGIN) {
                        if (content != null) {
                            content.close();
                        }
                        page = new PDPage(a4);
                        doc.addPage(page);
                        content = new PDPageContentStream(doc, page);
                        y = a4.getHeight() - MARGIN;
                    }
                    float x = line[0].equals("title") ? (a4.getWidth() - font.getStringWidth(text) / 1000 * size) / 2 : MARGIN;
                    cjk.show(content, text, size, Math.max(MARGIN, x), y);
                    y -= size * 1.8f;
                }
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
}
