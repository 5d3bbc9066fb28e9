package cn.minsheng.ballot.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;

/**
 * What every browser test of the Vue pages (/app/) does: a browser that records the page's console
 * errors, uncaught exceptions and content-security-policy violations from its first script on,
 * signing in through the shared sign-in form, and the checks every page gets — a screenshot, a name
 * for every control, no console error.
 */
public final class Pages {

    private static final String RECORDER = """
            window.__errors = [];
            const original = console.error.bind(console);
            console.error = (...a) => { window.__errors.push(a.map(String).join(' ')); original(...a); };
            window.addEventListener('error', e => window.__errors.push('uncaught: ' + e.message));
            window.addEventListener('unhandledrejection', e => window.__errors.push('unhandled: ' + (e.reason && e.reason.message || e.reason)));
            document.addEventListener('securitypolicyviolation', e => window.__errors.push('content security policy: '
                + e.violatedDirective + ' refused ' + (e.blockedURI || 'inline')));
            """;

    private Pages() {
    }

    /** Debian's Chromium, the window the given size, recording console errors on every page it loads. */
    public static Browser open(int width, int height) throws IOException {
        Browser b = Browser.open(width, height);
        b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
        return b;
    }

    /** Signs in through the shared form (congress code, user name, password). */
    public static void signIn(Browser b, String congress, String username, String password) {
        b.type(By.id("signin-congress"), congress);
        b.type(By.id("signin-username"), username);
        b.type(By.id("signin-password"), password);
        b.shown(By.id("signin-submit")).click();
        b.shown(By.id("sign-out"));
    }

    /** The console errors and uncaught exceptions of the page so far. */
    @SuppressWarnings("unchecked")
    public static List<String> errors(Browser b) {
        Object e = b.driver.executeScript("return window.__errors || []");
        return (List<String>) e;
    }

    /** Screenshot into target/screenshots/{name}.png; every visible control named; no console error. */
    public static void check(Browser b, String name) throws IOException {
        b.screenshot(name);
        assertEquals(List.of(), b.unnamedControls(), name + ": every control has an accessible name");
        assertEquals(List.of(), errors(b), name + ": no console error");
    }

    /** Types into an Element Plus number or date input (select all, type, leave with the given key). */
    public static void fill(Browser b, By by, String value, CharSequence leaveWith) {
        var e = b.shown(by);
        e.click();
        e.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
        e.sendKeys(value);
        e.sendKeys(leaveWith);
    }

    /** Chooses the option with the given text in an Element Plus select. */
    public static void pick(Browser b, By select, String option) {
        b.shown(select).findElement(By.xpath("./ancestor::div[contains(@class, 'el-select__wrapper')]")).click();
        b.until(d -> d.findElements(By.cssSelector(".el-select-dropdown__item")).stream()
                .filter(o -> o.isDisplayed() && o.getText().contains(option)).findFirst().orElse(null)).click();
    }

    /** Clicks the confirm button of the confirmation dialog (it names the action). */
    public static void confirm(Browser b) {
        b.shown(By.cssSelector(".el-message-box__btns .el-button--primary, .el-message-box__btns .el-button--danger")).click();
    }
}
