package cn.minsheng.ballot.tally;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** tally/ stays plain Java so an offline verifier can reuse it: no framework, persistence or clock. */
class TallyPurityTest {

    @Test
    void theTallyPackageImportsNoFrameworkAndReadsNoClock() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/cn/minsheng/ballot/tally"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() > 10, "found the tally sources");
        for (Path source : sources) {
            String text = Files.readString(source);
            for (String forbidden : List.of("import io.quarkus", "import jakarta.", "import org.hibernate", "import io.smallrye",
                    "import com.fasterxml", "cn.minsheng.ballot.common", "Instant.now", "System.currentTimeMillis",
                    "new Random(", "ThreadLocalRandom")) {
                assertFalse(text.contains(forbidden), source.getFileName() + " contains " + forbidden);
            }
        }
    }
}
