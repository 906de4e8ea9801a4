package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.Browser;
import org.meridian.support.MeridianDemoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo region's own institution evaluations and the demo alliance's visit share (docs/region.md, "Demo region").
 * Today is 2027-01-15: the centre REGION-EVAL has published 2026-Q4 for each institution type from the statistics the
 * six demo institutions report for themselves: one tertiary (H001), two secondary (H002, H003) and three primary-care
 * (H004–H006) institutions, each with a total. The alliance DEMO-EAST (H001 about 90,000 visits a month, H002 about
 * 30,000, H004 about 6,000) has a primary-care visit share near 6 / 126 ≈ 0.048. On a desktop and at 375 px the
 * regulator reads the evaluations page (screenshots).
 */
@MeridianDemoTest
class RegionCentreDemoTest {

    @Autowired RegionCentre centre;
    @Autowired AllianceReporting reporting;
    @Autowired Hospitals hospitals;
    @Autowired YearlyRanking yearly;
    @LocalServerPort int port;

    @Test
    void theCentreHasPublishedTheLastQuarterForEveryInstitutionTypeAndTheAllianceHasItsVisitShare() {
        Actor regulator = new Actor(hospitals.findByCode("H001").orElseThrow().id(), "test-regulator",
                EnumSet.of(Role.REGULATOR), null);
        assertThat(centre.centre(regulator)).map(h -> h.code()).contains("REGION-EVAL");
        int[] expected = {1, 2, 3};
        for (int i = 0; i < RegionCentre.TYPES.size(); i++) {
            UnitType type = RegionCentre.TYPES.get(i);
            Optional<RegionCentre.Published> p = centre.published(regulator, type, null);
            assertThat(p).as(type.name()).isPresent();
            assertThat(p.get().evaluation().period()).isEqualTo(Period.quarter(2026, 4));
            assertThat(p.get().rows()).hasSize(expected[i]).allSatisfy(r -> {
                assertThat(r.total()).isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.valueOf(100));
                assertThat(r.rank()).isNotNull();
            });
        }
        assertThat(hospitals.inRegion(hospitals.regionOf(regulator.hospitalId()), null, null, null, 0, 50).items())
                .extracting(h -> h.code()).doesNotContain("REGION-EVAL").hasSize(6);
        AllianceFigures report = reporting.report(regulator, "DEMO-EAST", Period.year(2026));
        assertThat(report.primaryCare().unreported()).isEmpty();
        assertThat(report.primaryCare().share().fraction().doubleValue()).isBetween(0.035, 0.065);
    }

    @Test
    void theRegulatorReadsTheEvaluationsOnADesktopAndAPhone() {
        try (Browser browser = Browser.open(port)) {
            browser.signIn("regulator", "meridian2026");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
            browser.go("/region/evaluations");
            browser.waitFor(By.id("evaluation-PRIMARY_CARE"));
            assertThat(browser.text(By.id("evaluation-PRIMARY_CARE"))).contains("城东街道社区卫生服务中心", "南湖镇卫生院");
            assertThat(browser.text(By.id("centre"))).contains("示范市医疗机构绩效评价中心");
            browser.screenshot("region-evaluations-desktop");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.resize(Browser.PHONE);
            browser.screenshot("region-evaluations-phone");
            scrollTo(browser, "evaluation-PRIMARY_CARE");
            browser.screenshot("region-evaluations-phone-cards");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            // the workbench and the drill-down to one institution show where each stands in the region's evaluation
            browser.resize(Browser.DESKTOP).go("/region/workbench");
            browser.waitFor(By.id("workbench-table"));
            assertThat(browser.text(By.cssSelector("tr[data-hospital='H004']"))).contains(" / 3 · 等级 ");
            browser.screenshot("region-workbench-standing-desktop");
            browser.resize(Browser.PHONE);
            scrollTo(browser, "workbench-table");
            browser.screenshot("region-workbench-standing-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.resize(Browser.DESKTOP).go("/region/institutions/H004");
            browser.waitFor(By.id("institution-region-rank"));
            assertThat(browser.text(By.id("institution-region-period"))).isEqualTo("2026-Q4 · 基层医疗卫生机构");
            assertThat(browser.text(By.id("institution-region-rank"))).contains(" / 3 · 等级 ");
            browser.screenshot("region-institution-standing-desktop");
            browser.resize(Browser.PHONE);
            scrollTo(browser, "institution-summary");
            browser.screenshot("region-institution-standing-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.resize(Browser.DESKTOP).go("/region/alliances/DEMO-EAST?period=2026");
            browser.waitFor(By.id("alliance-primary-care"));
            assertThat(browser.text(By.id("alliance-primary-share"))).endsWith("%");
            browser.screenshot("region-alliance-demo-desktop");
            browser.resize(Browser.PHONE);
            browser.screenshot("region-alliance-demo-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
        }
    }

    /**
     * The demo's yearly ranking of 2026, published by the centre from its one published quarter (2026-Q4): each
     * primary-care institution's year is its Q4 performance and brand index (a mean over 1 of 1 quarters), all three
     * ranked; the regulator reads it on a desktop and at 375 px.
     */
    @Test
    void theRegulatorReadsTheYearlyRankingOnADesktopAndAPhone() {
        Actor regulator = new Actor(hospitals.findByCode("H001").orElseThrow().id(), "test-regulator",
                EnumSet.of(Role.REGULATOR), null);
        YearlyRanking.Year year = yearly.published(regulator, 2026).orElseThrow();
        YearlyRanking.TypeRanking primary = year.types().get(2);
        assertThat(primary.periods()).containsExactly(Period.quarter(2026, 4));
        assertThat(primary.rows()).extracting(YearlyRanking.Row::code).containsExactlyInAnyOrder("H004", "H005", "H006");
        assertThat(primary.rows()).allSatisfy(r -> {
            assertThat(r.performance().periods()).isEqualTo(1);
            assertThat(r.performance().rank()).isNotNull();
            assertThat(r.brand().rank()).isNotNull();
        });
        try (Browser browser = Browser.open(port)) {
            browser.signIn("regulator", "meridian2026");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
            browser.go("/region/yearly-ranking?type=PRIMARY_CARE");
            browser.waitFor(By.id("yearly-table"));
            assertThat(browser.text(By.id("yearly-status"))).contains("2026 年度排名：第 1 版", "由 evaluator 发布", "依据周期：2026-Q4")
                    .doesNotContain("system:");
            assertThat(browser.text(By.id("yearly-table"))).contains("城东街道社区卫生服务中心", "（1 / 1 期）")
                    .doesNotContain("缺期");
            browser.screenshot("region-yearly-desktop");
            assertThat(browser.horizontalOverflow()).isZero();
            browser.resize(Browser.PHONE);
            browser.screenshot("region-yearly-phone");
            scrollTo(browser, "yearly-table");
            browser.screenshot("region-yearly-phone-cards");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
        }
    }

    /** Scrolls the page so that the element with this id is at the top (for a screenshot of what is further down). */
    static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).scrollIntoView()",
                id);
    }
}
