package cn.minsheng.ballot.congress;

import java.io.IOException;
import java.util.zip.ZipEntry;

import cn.minsheng.ballot.common.ApiException;

/**
 * Bounds what an uploaded XLSX may expand to before any spreadsheet reader sees it: a 400 KiB file
 * can hold a sheet that decompresses to gigabytes or one inline string of hundreds of megabytes.
 * The zip is walked once, entry by entry, counting decompressed bytes, cells and rows, and measuring
 * the longest run of text, with nothing kept in memory but a buffer. Too much or too many is
 * {@code 413 SPREADSHEET_TOO_LARGE}, an over-long cell {@code 422 CELL_TOO_LONG}.
 */
final class XlsxLimits {

    static final int MAX_ENTRIES = 200;
    static final long MAX_EXPANDED_BYTES = 64L * 1024 * 1024;
    static final long MAX_CELLS = 500_000;
    /** the longest text between two tags, in bytes (a roster cell is a name or a code) */
    static final int MAX_TEXT_BYTES = 32 * 1024;

    private XlsxLimits() {
    }

    static void check(byte[] bytes) {
        long expanded = 0;
        long cells = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        // ZipFile reads the central directory, so streamed entries (sizes in data descriptors) are read too;
        // the sizes it declares are not trusted: every entry is decompressed and counted
        java.nio.file.Path file = null;
        try {
            file = java.nio.file.Files.createTempFile("roster", ".xlsx");
            java.nio.file.Files.write(file, bytes);
            try (java.util.zip.ZipFile zipFile = new java.util.zip.ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zipFile.entries())) {
                if (++entries > MAX_ENTRIES) {
                    throw tooLarge(MAX_ENTRIES + " entries");
                }
                java.io.InputStream zip = zipFile.getInputStream(entry);
                boolean xml = entry.getName().endsWith(".xml");
                int text = 0;
                int previous = 0;
                int beforePrevious = 0;
                for (int n; (n = zip.read(buffer)) > 0;) {
                    expanded += n;
                    if (expanded > MAX_EXPANDED_BYTES) {
                        throw tooLarge(MAX_EXPANDED_BYTES / (1024 * 1024) + " MiB");
                    }
                    if (!xml) {
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        int b = buffer[i];
                        if (b == '<') {
                            text = 0;
                        } else if (b == '>') {
                            text = 0;
                        } else if (++text > MAX_TEXT_BYTES) {
                            throw new ApiException(ApiException.Kind.REJECTED, "CELL_TOO_LONG", MAX_TEXT_BYTES);
                        }
                        // "<c " or "<c>" opens a cell
                        if (beforePrevious == '<' && previous == 'c' && (b == ' ' || b == '>')) {
                            if (++cells > MAX_CELLS) {
                                throw tooLarge(MAX_CELLS + " cells");
                            }
                        }
                        beforePrevious = previous;
                        previous = b;
                    }
                }
            }
            }
        } catch (IOException e) {
            throw new ApiException(ApiException.Kind.INVALID, "UNREADABLE_FILE", "xlsx: " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the platform cleans up
                }
            }
        }
    }

    private static ApiException tooLarge(String limit) {
        return new ApiException(ApiException.Kind.TOO_LARGE, "SPREADSHEET_TOO_LARGE", limit);
    }
}
