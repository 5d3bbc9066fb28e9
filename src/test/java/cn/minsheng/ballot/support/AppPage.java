package cn.minsheng.ballot.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a person does on the pages of src/main/webui (Element Plus), said once for every test:
 * sign in, press a button by its words, pick from a select, confirm a dialog, and the checks every
 * page gets (a screenshot, a name for every control, no error in the browser's console).
 */
public final class AppPage {

    private AppPage() {
    }

    /** Signs in on an area's sign-in form; the platform admin has no congress field. */
    public static void signIn(Browser b, String congressCode, String username, String password) {
        if (congressCode != null) {
            fill(b, By.id("signin-congress"), congressCode);
        }
        fill(b, By.id("signin-username"), username);
        fill(b, By.id("signin-password"), password);
        b.shown(By.id("signin-submit")).click();
        b.shown(By.id("sign-out"));
    }

    /**
     * Replaces what an input holds by typing, as a person would (select all, type): WebElement.clear()
     * sets the value without the input event Vue listens to, so a prefilled field would keep its text.
     */
    public static void fill(Browser b, By by, String text) {
        WebElement e = b.shown(by);
        e.click();
        e.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.BACK_SPACE);
        e.sendKeys(text);
    }

    /** A visible button whose words are exactly these (dialogs' footers included). */
    public static By button(String words) {
        return By.xpath("//button[normalize-space(.)='" + words + "']");
    }

    public static void press(Browser b, String words) {
        b.until(d -> d.findElements(button(words)).stream().filter(e -> e.isDisplayed() && e.isEnabled()).findFirst()
                .orElse(null)).click();
    }

    /** Opens an Element Plus select (by the id of its input) and picks the option with these words. */
    public static void pick(Browser b, String selectId, String option) {
        WebElement input = b.until(d -> d.findElement(By.id(selectId)));
        b.driver.executeScript("arguments[0].closest('.el-select').querySelector('.el-select__wrapper').click()", input);
        b.until(d -> d.findElements(By.xpath("//li[contains(@class,'el-select-dropdown__item')][normalize-space(.)='"
                + option + "']")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
    }

    /** Types a date (2026-12-01) or date-time (2026-12-01 09:00) into an Element Plus picker and closes it. */
    public static void date(Browser b, String inputId, String text) {
        WebElement input = b.shown(By.id(inputId));
        input.click();
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text, org.openqa.selenium.Keys.ENTER);
        b.driver.executeScript("document.body.click()");
    }

    /** Answers the confirmation dialog with its action button (which names the action). */
    public static void confirm(Browser b, String action) {
        b.until(d -> d.findElements(By.cssSelector(".el-message-box button")).stream()
                .filter(e -> e.isDisplayed() && e.getText().trim().equals(action)).findFirst().orElse(null)).click();
    }

    /** The text of the table rows of the page, one string a row. */
    public static List<String> rows(Browser b) {
        return b.driver.findElements(By.cssSelector(".el-table__body tr")).stream().map(WebElement::getText).toList();
    }

    /** Waits until a table row contains the text and returns that row's text. */
    public static String row(Browser b, String contains) {
        return b.until(d -> d.findElements(By.cssSelector(".el-table__body tr")).stream().map(WebElement::getText)
                .filter(t -> t.contains(contains)).findFirst().orElse(null));
    }

    /** The checks every page gets: a screenshot, a name for every control, nothing in the console. */
    public static void check(Browser b, String screenshot) throws IOException {
        b.screenshot(screenshot);
        assertEquals(List.of(), b.unnamedControls(), screenshot + ": every control has a name");
        assertEquals(List.of(), b.consoleErrors().stream().filter(m -> !m.contains("status of 4")).toList(),
                screenshot + ": no error in the console");
    }
}
