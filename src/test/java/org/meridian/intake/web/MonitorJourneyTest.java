package org.meridian.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meridian.support.Actors;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.Actor;
import org.meridian.channel.ChannelDraft;
import org.meridian.channel.ChannelRegistry;
import org.meridian.intake.EventIntake;
import org.meridian.intake.RawEvent;
import org.meridian.shared.security.Role;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst watches one region on the live monitoring page in a real browser: figures, funnel, trend
 * and revenue charts, the ranking; narrows it to one channel type; and reads it on a 375 px phone.
 */
@MeridianWebTest
class MonitorJourneyTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Clock clock;
    @Autowired ChannelRegistry registry;
    @Autowired HospitalCalendar calendar;
    @Autowired EventIntake intake;

    @Test
    void watchARegionNarrowItAndReadItOnAPhone() {
        long h = users.firstHospital().id();
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String region = "监控市/旅程" + suffix + "区";
        String[][] channels = {{"COMMUNITY_HEALTH", "翠苑街道社区卫生服务中心"}, {"COMMUNITY_HEALTH", "灵隐街道社区卫生服务中心"},
                {"EXAM_CENTER", "瑞康健康体检中心（西湖店）"}, {"EXAM_CENTER", "安和健康体检中心（上城店）"},
                {"REFERRAL_INSTITUTION", "西湖仁和医院"}, {"HEALTH_PLATFORM", "康云健康管理平台"},
                {"ALLIANCE_MEMBER", "临溪镇中心卫生院"}};
        ZoneId zone = calendar.zone(h);
        LocalDate today = calendar.today(h);
        List<RawEvent> rows = new ArrayList<>();
        for (int c = 0; c < channels.length; c++) {
            String code = "MJ-" + suffix + "-" + c;
            registry.register(Actor.system(h, "test"), new ChannelDraft(code, channels[c][1] + suffix, channels[c][0], null, null, region, null,
                    null, null, null, null, null, null));
            for (int d = 29; d >= 0; d--) {
                LocalDate day = today.minusDays(d);
                int n = 1 + (c * 3 + d * 7) % (c + 4);
                for (int k = 0; k < n; k++) {
                    Instant at = day.atTime(9, 0).atZone(zone).toInstant().plusSeconds(60L * (k + 5 * c));
                    if (at.isAfter(clock.instant())) {
                        at = clock.instant().minusSeconds(60);
                    }
                    String id = code + "-" + d + "-" + k;
                    rows.add(RawEvent.of(id + "r", "REFERRAL", code, at.toString(), id, "P" + k, null, null));
                    if (k % 5 != 4) {
                        rows.add(RawEvent.of(id + "a", "ACCEPTED", code, at.plusSeconds(600).toString(), id, "P" + k,
                                null, null));
                    }
                    if (k % 3 != 2) {
                        rows.add(RawEvent.of(id + "v", "ARRIVED", code, at.plusSeconds(900).toString(), null, "P" + k,
                                null, null));
                        rows.add(RawEvent.of(id + "m", "REVENUE", code, at.plusSeconds(1000).toString(), null, "P" + k,
                                new BigDecimal(300 + 150 * ((k + d) % 7)), null));
                    }
                    if (k % 4 == 0) {
                        rows.add(RawEvent.of(id + "c", "CONVERTED", code, at.plusSeconds(1200).toString(), null,
                                "P" + k, null, null));
                    }
                }
            }
        }
        intake.record(Actors.manager(h, "test"), rows, 0, EventIntake.Source.API, null);
        String analyst = users.create(Role.ANALYST);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(analyst, TestUsers.PASSWORD);
            browser.go("/intake");
            assertThat(browser.activeNav()).isEqualTo("数据采集");
            new Select(browser.waitFor(By.id("m-region"))).selectByValue(region);
            waitForText(browser, "monitor-live", "范围内渠道 7 个");
            browser.waitFor(By.cssSelector("#trend-chart canvas"));
            browser.waitFor(By.cssSelector("#funnel-chart canvas"));
            String all = browser.text(By.id("month-referrals"));
            assertThat(browser.driver().findElements(By.cssSelector("#top-channels tbody tr"))).hasSize(5);
            assertThat(browser.driver().getCurrentUrl()).contains("region=");
            browser.screenshot("monitor-desktop");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('trend-chart').scrollIntoView()");
            browser.screenshot("monitor-desktop-trend-ranking");

            new Select(browser.waitFor(By.id("m-type"))).selectByValue("EXAM_CENTER");
            waitForText(browser, "monitor-live", "范围内渠道 2 个");
            browser.waitFor(By.cssSelector("#trend-chart canvas"));
            assertThat(Integer.parseInt(browser.text(By.id("month-referrals")).replace(",", "")))
                    .isLessThan(Integer.parseInt(all.replace(",", "")));
            assertThat(browser.driver().findElements(By.cssSelector("#top-channels tbody tr"))).hasSize(2);

            browser.resize(Browser.PHONE).go("/intake?region=" + java.net.URLEncoder.encode(region,
                    java.nio.charset.StandardCharsets.UTF_8));
            browser.waitFor(By.cssSelector("#trend-chart canvas"));
            browser.screenshot("monitor-phone");
            assertThat(browser.horizontalOverflow()).as("no horizontal scrolling at 375 px").isZero();
        }
    }

    private static void waitForText(Browser browser, String id, String text) {
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }
}
