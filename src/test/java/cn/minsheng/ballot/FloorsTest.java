package cn.minsheng.ballot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The floors of ARCHITECTURE.md, read from the compiled classes, so an import and a fully qualified
 * name count alike: no package cycle, every package on a floor, no dependency on the same floor or
 * one above, and the pure packages use nothing but Java (and each other, downwards).
 */
class FloorsTest {

    private static final String BASE = "cn.minsheng.ballot";

    /** From the ground up; a package may use only packages of lower floors. */
    private static final List<Set<String>> FLOORS = List.of(
            Set.of("common", "tally", "live"),
            Set.of("board", "seal"),
            Set.of("verifier", "audit"),
            Set.of("account"),
            Set.of("congress"),
            Set.of("session", "proposal"),
            Set.of("slate"),
            Set.of("ballot"),
            Set.of("result"),
            Set.of("project"),
            Set.of("supervision", "evaluation"),
            Set.of("overview", "web"));

    /** Pure packages: what each may use besides java.* and itself. */
    private static final Map<String, List<String>> PURE = Map.of(
            "tally", List.of(),
            "board", List.of("cn.minsheng.ballot.tally.."),
            "seal", List.of("org.bouncycastle.."),
            "verifier", List.of("cn.minsheng.ballot.tally..", "cn.minsheng.ballot.board..", "cn.minsheng.ballot.seal..",
                    "org.bouncycastle..", "com.fasterxml.jackson.."));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void noPackageCycle() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void everyPackageStandsOnAFloor() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String rest = c.getPackageName().substring(BASE.length());
            if (!rest.isEmpty()) {
                packages.add(rest.substring(1).split("\\.")[0]);
            }
        }
        assertTrue(packages.size() > 10, "found the packages: " + packages);
        List<String> unplaced = packages.stream().filter(p -> floorOf(p) < 0).toList();
        assertEquals(List.of(), unplaced, "put each package on a floor of FloorsTest and ARCHITECTURE.md");
    }

    @Test
    void nothingRunsBackUp() {
        for (Set<String> floor : FLOORS) {
            for (String p : floor) {
                List<String> notBelow = new ArrayList<>();
                for (int f = floorOf(p); f < FLOORS.size(); f++) {
                    for (String q : FLOORS.get(f)) {
                        if (!q.equals(p)) {
                            notBelow.add(BASE + "." + q + "..");
                        }
                    }
                }
                noClasses().that().resideInAPackage(BASE + "." + p + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(notBelow.toArray(String[]::new))
                        .allowEmptyShould(true)
                        .check(MAIN);
            }
        }
    }

    @Test
    void purePackagesUseOnlyJava() {
        PURE.forEach((p, allowed) -> {
            List<String> may = new ArrayList<>(allowed);
            may.add("java..");
            may.add(BASE + "." + p + "..");
            classes().that().resideInAPackage(BASE + "." + p + "..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage(may.toArray(String[]::new))
                    .check(MAIN);
        });
    }

    @Test
    void theTallyReadsNoClockAndDrawsNoRandomness() {
        noClasses().that().resideInAPackage(BASE + ".tally..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .orShould().callConstructor(Random.class)
                .orShould().dependOnClassesThat().areAssignableTo(ThreadLocalRandom.class)
                .check(MAIN);
    }

    private static int floorOf(String p) {
        for (int f = 0; f < FLOORS.size(); f++) {
            if (FLOORS.get(f).contains(p)) {
                return f;
            }
        }
        return -1;
    }
}
