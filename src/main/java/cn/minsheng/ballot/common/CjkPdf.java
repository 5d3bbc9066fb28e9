package cn.minsheng.ballot.common;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A Chinese TrueType font (.ttf, or the first face of a .ttc) embedded as a subset in a PDF, and
 * line wrapping by its glyph widths: what every printable document (result notices, login slips)
 * needs. Close it after the document is saved: PDFBox reads a collection's glyphs when it subsets.
 */
public final class CjkPdf implements Closeable {

    public final PDType0Font font;
    private final TrueTypeCollection collection;

    private CjkPdf(PDType0Font font, TrueTypeCollection collection) {
        this.font = font;
        this.collection = collection;
    }

    /** Loads the configured font into the document; a missing file is a 503 NOTICE_FONT_MISSING. */
    public static CjkPdf load(PDDocument doc, String fontPath) throws IOException {
        File file = new File(fontPath);
        if (!file.isFile()) {
            throw new ApiException(ApiException.Kind.UNAVAILABLE, "NOTICE_FONT_MISSING", fontPath);
        }
        if (!file.getName().toLowerCase().endsWith(".ttc")) {
            return new CjkPdf(PDType0Font.load(doc, file), null);
        }
        TrueTypeCollection ttc = new TrueTypeCollection(file);
        TrueTypeFont[] first = new TrueTypeFont[1];
        ttc.processAllFonts(ttf -> {
            if (first[0] == null) {
                first[0] = ttf;
            }
        });
        return new CjkPdf(PDType0Font.load(doc, first[0], true), ttc);
    }

    /** The text cut into lines no wider than the width at that size (character by character: Chinese has no spaces). */
    public List<String> wrap(String text, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (font.getStringWidth(current + ch) / 1000 * size > width) {
                out.add(current.toString());
                current.setLength(0);
            }
            current.append(ch);
            i += Character.charCount(cp);
        }
        out.add(current.toString());
        return out;
    }

    /** Writes one line of text with its left end at (x, y). */
    public void show(org.apache.pdfbox.pdmodel.PDPageContentStream content, String text, float size, float x, float y) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    public float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    @Override
    public void close() throws IOException {
        if (collection != null) {
            collection.close();
        }
    }
}
