package org.meridian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.meridian.evaluation.TrendChart;
import org.meridian.support.Browser;
import org.meridian.support.MeridianDemoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, "Done when", for the demo roles that read and decide nothing (docs/notifications.md: no to-do kind
 * reaches them): each walks its workbench on a desktop and at 375 px, shot to
 * {@code target/screenshots/journey-<user>-<step>-desktop|phone.png}.
 * <ul>
 * <li>The analyst (只读分析): an empty inbox that says so, the hospital's figures and panels; from the latest
 *     evaluations it opens an evaluation's ranking (without publish, re-run or apply-tiers buttons: it decides
 *     nothing) and a channel's scorecard; a figure card opens the page it counts.</li>
 * <li>The regulator (区域监管): its home is the region's workbench, of the reporting year (2026 on the test clock's
 *     2027-01-15: January's new year has no data), the region's hospitals with their figures; it opens one
 *     institution (H004, ranked in the region's evaluation) and sees where it stands.</li>
 * </ul>
 */
@MeridianDemoTest
class ReadingRolesJourneyTest {

    @LocalServerPort int port;

    @Test
    void theAnalystWalksItsWorkbenchToAnEvaluationAScorecardAndAFigure() {
        try (Browser browser = signedIn("analyst")) {
            for (String width : new String[] {"desktop", "phone"}) {
                browser.resize(width.equals("desktop") ? Browser.DESKTOP : Browser.PHONE).go("/");
                browser.waitFor(By.id("inbox-empty"));
                assertThat(browser.text(By.id("inbox-total"))).isEqualTo("0");
                assertThat(browser.driver().findElements(By.cssSelector(".figures .figure"))).as("figures").isNotEmpty();
                assertThat(browser.horizontalOverflow()).as("the workbench at " + width).isZero();
                browser.screenshot("journey-analyst-workbench-" + width);

                WebElement evaluation = browser.waitFor(By.cssSelector("#latest-evaluations li a"));
                String which = evaluation.getText();
                evaluation.click();
                browser.waitFor(By.id("ranking-table"));
                assertThat(browser.driver().findElements(By.cssSelector("#publish, #rerun, #apply-tiers")))
                        .as("an analyst publishes, re-runs and applies nothing").isEmpty();
                assertThat(browser.horizontalOverflow()).as(which + " at " + width).isZero();
                browser.screenshot("journey-analyst-evaluation-" + width);

                browser.waitFor(By.cssSelector("#ranking-table td.card-title a")).click();
                browser.waitFor(By.id("card-total"));
                assertThat(browser.text(By.id("card-total"))).matches("\\d+\\.\\d\\d|—");
                assertThat(browser.horizontalOverflow()).as("a scorecard at " + width).isZero();
                browser.screenshot("journey-analyst-scorecard-" + width);
                // the total-score trend labels only what can be read: each point while few, else the latest alone
                WebElement trend = browser.waitFor(By.cssSelector("#trend canvas"));
                JsonNode points = new JsonMapper().readTree(browser.driver().findElement(By.id("trend"))
                        .getDomAttribute("data-chart")).path("series").get(0).path("data");
                assertThat(points.size()).as(which + ": its published periods").isPositive();
                for (int i = 0; i < points.size(); i++) {
                    assertThat(points.get(i).path("label").path("show").asBoolean()).as("label of point " + i)
                            .isEqualTo(points.size() <= TrendChart.LABELLED_EACH_UP_TO || i == points.size() - 1);
                }
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", trend);
                browser.screenshot("journey-analyst-scorecard-trend-" + width);

                browser.go("/");
                WebElement figure = browser.waitFor(By.cssSelector(".figures a.figure[href]"));
                String label = figure.findElement(By.cssSelector(".figure-label")).getText();
                figure.click();
                new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                        .until(d -> !d.getCurrentUrl().endsWith(":" + port + "/"));
                browser.waitFor(By.cssSelector("main.content"));
                assertThat(browser.driver().findElements(By.id("error-title"))).as("the page behind " + label)
                        .isEmpty();
                assertThat(browser.horizontalOverflow()).as(label + " at " + width).isZero();
                browser.screenshot("journey-analyst-figure-" + width);
            }
        }
    }

    @Test
    void theRegulatorWalksTheRegionsWorkbenchDownToOneInstitution() {
        try (Browser browser = signedIn("regulator")) {
            for (String width : new String[] {"desktop", "phone"}) {
                browser.resize(width.equals("desktop") ? Browser.DESKTOP : Browser.PHONE).go("/");
                browser.waitFor(By.id("workbench-table"));
                assertThat(browser.driver().findElements(By.id("inbox"))).as("a regulator has no to-do").isEmpty();
                assertThat(browser.driver().findElement(By.id("f-period")).getDomProperty("value"))
                        .as("the reporting year, not January's empty new year").isEqualTo("2026");
                assertThat(browser.text(By.id("hospital-count"))).startsWith("共 ");
                assertThat(browser.horizontalOverflow()).as("the region's workbench at " + width).isZero();
                browser.screenshot("journey-regulator-workbench-" + width);

                browser.waitFor(By.cssSelector("tr[data-hospital='H004'] td.card-title a")).click();
                browser.waitFor(By.id("institution-summary"));
                assertThat(browser.driver().getCurrentUrl()).contains("/region/institutions/H004", "period=2026");
                assertThat(browser.text(By.id("institution-region-rank"))).contains(" / 3 · 等级 ");
                assertThat(browser.horizontalOverflow()).as("one institution at " + width).isZero();
                browser.screenshot("journey-regulator-institution-" + width);
            }
        }
    }

    private Browser signedIn(String user) {
        Browser browser = Browser.open(port);
        browser.signIn(user, "meridian2026");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
        return browser;
    }
}
