package org.meridian.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.channel.ChannelDraft;
import org.meridian.channel.ChannelRegistry;
import org.meridian.shared.security.Role;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A hospital manager uploads a CSV with bad rows on the data quality page, reads the rejected rows with
 * their reasons, downloads them as XLSX, and runs the rollup check; then reads the page on a phone.
 */
@MeridianWebTest
class QualityJourneyTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired ChannelRegistry registry;

    @Test
    void uploadBadRowsReadTheReasonsDownloadThemAndCheckTheRollups() throws Exception {
        long h = users.firstHospital().id();
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String code = "QJ-" + suffix;
        registry.register(Actor.system(h, "test"), new ChannelDraft(code, "质量旅程体检中心 " + suffix, "EXAM_CENTER", null, null, null, null,
                null, null, null, null, null, null));
        String manager = users.create(Role.HOSPITAL_MANAGER);
        Path csv = Files.createTempFile("quality-journey-", ".csv");
        Files.writeString(csv, "eventId,type,channel,occurredAt,referralId,patientId,value,recommend\n"
                + suffix + "-1,REFERRAL," + code + ",2026-09-03T10:15:00+08:00,R-" + suffix + ",P-1,,\n"
                + suffix + "-2,ARRIVED,CH-NOPE,2026-09-03T10:20:00+08:00,,P-1,,\n"
                + suffix + "-3,SURVEY," + code + ",2026-09-03 10:30,,P-1,7,12\n"
                + suffix + "-4,REVENUE," + code + ",2026-09-03T11:00:00+08:00,,P-1,1200.50,\n", StandardCharsets.UTF_8);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(manager, TestUsers.PASSWORD);
            browser.go("/intake");
            browser.waitFor(By.id("nav-imports")).click();
            browser.waitForTextContaining(By.tagName("h1"), "数据导入");
            assertThat(browser.activeNav()).isEqualTo("数据采集");
            browser.waitFor(By.id("upload-file")).sendKeys(csv.toAbsolutePath().toString());
            browser.driver().findElement(By.id("upload-submit")).click();
            String done = browser.waitForTextContaining(By.id("upload-done"), "拒绝 2 行");
            assertThat(done).contains(csv.getFileName().toString()).contains("接收 2 行")
                    .contains("文件按 UTF-8 编码读取。").contains("1 行的发生时间没有写时区偏移，已按医院时区 Asia/Shanghai");
            browser.screenshot("imports-desktop-done");

            browser.driver().findElement(By.cssSelector("#upload-done a")).click();
            browser.waitForTextContaining(By.tagName("h1"), "的被拒行");
            String second = browser.text(By.id("row-2"));
            assertThat(second).contains("CH-NOPE").contains("本院没有渠道编码“CH-NOPE”").doesNotContain("P-1");
            String third = browser.text(By.id("row-3"));
            assertThat(browser.driver().findElements(By.cssSelector("#row-3 td")).get(8).getText()).isEqualTo("12");
            // its time without offset is read in the hospital's zone, so only the value and recommend are wrong
            assertThat(third).contains("满意度评分 7 不在 1–5 之间")
                    .contains("推荐意愿 recommend“12”不是 0 到 10 的整数")
                    .doesNotContain("发生时间");
            browser.screenshot("quality-desktop-rejections");

            String href = browser.driver().findElement(By.id("download-rejections")).getAttribute("href");
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("rejections.xlsx");
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(download.body()))) {
                List<Row> rows = wb.getFirstSheet().read();
                assertThat(rows).hasSize(3);
                assertThat(rows.get(0).getCellText(0)).isEqualTo("行号");
                assertThat(rows.get(0).getCellText(8)).isEqualTo("recommend");
                assertThat(rows.get(1).getCellText(0)).isEqualTo("2");
                assertThat(rows.get(1).getCellText(1)).isEqualTo(suffix + "-2");
                assertThat(rows.get(1).getCellText(3)).isEqualTo("CH-NOPE");
                assertThat(rows.get(1).getCellText(6)).isEqualTo("（不保存）");
                assertThat(rows.get(1).getCellText(9)).isEqualTo("本院没有渠道编码“CH-NOPE”");
                assertThat(rows.get(2).getCellText(0)).isEqualTo("3");
                assertThat(rows.get(2).getCellText(7)).isEqualTo("7");
                assertThat(rows.get(2).getCellText(8)).isEqualTo("12");
                assertThat(rows.get(2).getCellText(9).split("\n")).hasSize(2);
            }

            browser.driver().findElement(By.id("nav-rollups")).click();
            browser.waitForTextContaining(By.tagName("h1"), "汇总核对");
            browser.driver().findElement(By.id("rollup-run")).click();
            assertThat(browser.waitForTextContaining(By.id("rollup-result"), "全部一致")).contains("渠道日");
            browser.screenshot("quality-desktop-rollups");

            browser.resize(Browser.PHONE).go("/intake/quality?tab=imports");
            browser.waitFor(By.id("imports-table"));
            scrollTo(browser, "quality-sections");
            browser.screenshot("quality-phone-imports");
            assertThat(browser.horizontalOverflow()).as("no horizontal scrolling at 375 px").isZero();
            browser.go("/intake/imports");
            browser.waitFor(By.id("upload-form"));
            browser.screenshot("imports-phone");
            assertThat(browser.horizontalOverflow()).as("no horizontal scrolling at 375 px").isZero();
            scrollTo(browser, "imports-table");
            browser.screenshot("imports-phone-list");
            browser.go("/intake/quality?tab=late&sla=2");
            browser.waitFor(By.id("section-late"));
            scrollTo(browser, "quality-sections");
            browser.screenshot("quality-phone-late");
            assertThat(browser.horizontalOverflow()).as("no horizontal scrolling at 375 px").isZero();
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static void scrollTo(Browser browser, String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }
}
