package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.HospitalProfile;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser, on a desktop and at 375 px: the region administrator creates a hospital with its first
 * administrator and sees the one-time password once, then the grants page, then creates the alliance of A (lead) and
 * B on its page (on a desktop, first without a lead; at 375 px a second one, first with the code already taken); the
 * regulator walks its workbench. Chest
 * CT (30 days, region-wide, 200.00 CNY) in October 2026: patient P1 at hospital B on the 1st and at A on the 2nd (a
 * repeat), P2…P5 once at A: A's row reads 5 records, 1 repeat, 20.0 %, 200.00.
 */
@MeridianWebTest
class RegionJourneyTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired JdbcClient jdbc;

    @Test
    void theRegionAdministratorCreatesAHospitalAndTheRegulatorWalksTheWorkbench() throws Exception {
        Journey j = journey("RJ", "旅程第一医院", "旅程社区卫生服务中心");
        String tag = j.tag();
        long region = j.region();
        HospitalProfile a = j.a();
        HospitalProfile b = j.b();
        String regionAdmin = j.regionAdmin();
        String regulator = j.regulator();
        String admin = j.admin();
        String officeA = j.officeA();
        String officeB = j.officeB();
        String p1 = "P-" + UUID.randomUUID();
        send(officeB, "POST", "/api/v1/exams", "[" + exam(b.code(), p1, 1) + "]");
        StringBuilder rows = new StringBuilder(exam(a.code(), p1, 2));
        for (int i = 2; i <= 5; i++) {
            rows.append(",").append(exam(a.code(), p1 + "-" + i, i + 1));
        }
        send(officeA, "POST", "/api/v1/exams", "[" + rows + "]");

        // two-way referrals: A refers 6 patients down to B, B 5 up to A → downward share 6 / 11 = 0.5454… → 54.5 %
        send(officeA, "POST", "/api/v1/channels", "{\"code\": \"P\", \"name\": \"旅程社区\", \"type\": \"ALLIANCE_MEMBER\"}");
        send(officeB, "POST", "/api/v1/channels", "{\"code\": \"P\", \"name\": \"旅程第一医院\", \"type\": \"ALLIANCE_MEMBER\"}");
        send(officeA, "POST", "/api/v1/events", referralsOut("a-" + tag, b.code(), 6));
        send(officeB, "POST", "/api/v1/events", referralsOut("b-" + tag, a.code(), 5));
        // visits: each hospital registers itself as an institution unit and reports 门急诊人次 for October:
        // A 9,000, B (primary care) 1,000 → primary-care visit share 1,000 / 10,000 = 10.0 %
        for (String[] v : new String[][] {{officeA, a.code(), "9000"}, {officeB, b.code(), "1000"}}) {
            send(v[0], "POST", "/api/v1/measures",
                    "{\"code\": \"outpatient_visits\", \"nameZh\": \"门急诊人次\", \"unit\": \"人次\", \"aggregation\": \"SUM\"}");
            send(v[0], "POST", "/api/v1/units", "{\"code\": \"" + v[1] + "\", \"name\": \"本院\", \"kind\": \"INSTITUTION\","
                    + " \"type\": \"TERTIARY_HOSPITAL\"}");
            send(v[0], "POST", "/api/v1/statistics", "[{\"unit\": \"" + v[1] + "\", \"month\": \"2026-10\","
                    + " \"measure\": \"outpatient_visits\", \"value\": " + v[2] + "}]");
        }
        String newCode = "RJN-" + tag;
        try (Browser browser = Browser.open(port)) {
            browser.signIn(regionAdmin, TestUsers.PASSWORD);
            browser.go("/region/hospitals");
            browser.waitFor(By.id("hospital-table"));
            assertThat(browser.text(By.id("hospital-table"))).contains("旅程第一医院", "三级医院", "城西区");
            browser.screenshot("region-hospitals-desktop");
            browser.go("/region/hospitals/new");
            browser.field("code").sendKeys(newCode);
            browser.field("name").sendKeys("旅程第二人民医院");
            new Select(browser.waitFor(By.id("type"))).selectByValue("SECONDARY_HOSPITAL");
            browser.field("district").sendKeys("城北区");
            browser.field("adminUsername").sendKeys("rj-" + tag.toLowerCase());
            browser.field("adminDisplayName").sendKeys("赵主任");
            browser.driver().findElement(By.id("hospital-submit")).click();
            // the grade was left empty: said beside the field, the rest kept
            browser.waitFor(By.id("level-error"));
            assertThat(browser.waitFor(By.id("name")).getDomProperty("value")).isEqualTo("旅程第二人民医院");
            browser.screenshot("region-hospital-new-error-desktop");
            browser.field("level").sendKeys("二级甲等");
            browser.driver().findElement(By.id("hospital-submit")).click();
            browser.waitFor(By.id("created-password"));
            assertThat(browser.text(By.id("created-password"))).hasSize(16);
            browser.screenshot("region-hospital-created-desktop");
            browser.resize(Browser.PHONE).go("/region/hospitals");
            browser.waitFor(By.id("hospital-table"));
            assertThat(browser.text(By.id("hospital-table"))).contains("旅程第二人民医院", "二级甲等");
            browser.screenshot("region-hospitals-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.go("/region/grants");
            browser.waitFor(By.id("regulators"));
            assertThat(browser.text(By.id("regulators"))).contains(regulator);
            browser.screenshot("region-grants-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();

            // the alliance: A leads, B is a member, chosen from the region's institutions by hospital
            browser.resize(Browser.DESKTOP).go("/region/hospitals");
            browser.driver().findElement(By.cssSelector("#region-tabs a[href='/region/alliances']")).click();
            browser.waitFor(By.id("new-alliance")).click();
            browser.waitFor(By.id("alliance-form"));
            assertThat(browser.text(By.id("member-groups"))).contains("旅程第一医院", "旅程社区卫生服务中心",
                    "旅程第二人民医院").doesNotContain(a.code(), b.code(), newCode);
            browser.field("code").sendKeys("RJ-AL-" + tag);
            browser.field("name").sendKeys("旅程医联体");
            browser.field("member-filter").sendKeys("社区");
            assertThat(memberShown(browser, b.code())).isTrue();
            assertThat(memberShown(browser, a.code())).as("filtered out").isFalse();
            member(browser, b.code()).click();
            assertThat(browser.text(By.id("member-chosen"))).isEqualTo("已选 1 个机构");
            browser.screenshot("region-alliance-new-desktop");
            browser.driver().findElement(By.id("alliance-submit")).click();
            // no lead chosen: said beside the field, the rest kept
            assertThat(browser.waitForTextContaining(By.id("lead-error"), "必填")).isEqualTo("必填");
            assertThat(browser.waitFor(By.id("code")).getDomProperty("value")).isEqualTo("RJ-AL-" + tag);
            assertThat(browser.waitFor(By.id("name")).getDomProperty("value")).isEqualTo("旅程医联体");
            assertThat(member(browser, b.code()).isSelected()).isTrue();
            assertThat(member(browser, a.code()).isSelected()).isFalse();
            browser.screenshot("region-alliance-new-error-desktop");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling on a desktop").isZero();
            new Select(browser.waitFor(By.id("lead"))).selectByVisibleText("旅程第一医院");
            browser.driver().findElement(By.id("alliance-submit")).click();
            assertThat(browser.waitForTextContaining(By.id("alliance-created"), "旅程医联体")).contains("已创建");
            assertThat(browser.text(By.cssSelector("[data-alliance='RJ-AL-" + tag + "']")))
                    .contains("旅程医联体", "旅程第一医院", "旅程社区卫生服务中心");
            browser.screenshot("region-alliance-created-desktop");

            // on a phone: a code already taken is said beside the field with all kept; then 城北 under the new hospital
            browser.resize(Browser.PHONE).go("/region/alliances/new");
            browser.waitFor(By.id("alliance-form"));
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.screenshot("region-alliance-new-phone");
            browser.field("code").sendKeys("RJ-AL-" + tag);
            browser.field("name").sendKeys("旅程城北医联体");
            new Select(browser.waitFor(By.id("lead"))).selectByVisibleText("旅程第二人民医院");
            browser.field("member-filter").sendKeys("旅程社区");
            member(browser, b.code()).click();
            browser.driver().findElement(By.id("alliance-submit")).click();
            assertThat(browser.waitForTextContaining(By.id("code-error"), "已被使用")).contains("RJ-AL-" + tag);
            assertThat(new Select(browser.waitFor(By.id("lead"))).getFirstSelectedOption().getText())
                    .isEqualTo("旅程第二人民医院");
            assertThat(member(browser, b.code()).isSelected()).isTrue();
            browser.screenshot("region-alliance-new-error-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.field("code").clear();
            browser.field("code").sendKeys("RJ-AN-" + tag);
            browser.driver().findElement(By.id("alliance-submit")).click();
            browser.waitForTextContaining(By.id("alliance-created"), "旅程城北医联体");
            assertThat(browser.text(By.cssSelector("[data-alliance='RJ-AN-" + tag + "']")))
                    .contains("旅程城北医联体", "旅程第二人民医院", "旅程社区卫生服务中心");
            browser.screenshot("region-alliances-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();

            browser.resize(Browser.DESKTOP);
            browser.driver().findElement(By.cssSelector(".userbox button.link")).click();
            browser.waitFor(By.id("login-logout"));

            browser.signIn(regulator, TestUsers.PASSWORD);
            browser.go("/?period=2026-10");
            browser.waitFor(By.id("workbench-table"));
            String table = browser.text(By.id("workbench-table"));
            assertThat(table).contains("旅程第一医院", "20.0 %", "200.00", "旅程第二人民医院", "尚未发布")
                    .doesNotContain(p1);
            browser.screenshot("region-workbench-desktop");
            browser.resize(Browser.PHONE).go("/?period=2026-10");
            browser.waitFor(By.id("workbench-table"));
            browser.screenshot("region-workbench-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();

            // down from the region to a district to one institution: 城东区 holds A alone, 5 records
            browser.resize(Browser.DESKTOP).go("/region/districts?period=2026-10");
            browser.waitFor(By.id("districts-table"));
            assertThat(browser.text(By.id("districts-table"))).contains("城东区", "城西区", "20.0 %");
            browser.screenshot("region-districts-desktop");
            browser.driver().findElement(By.linkText("城东区")).click();
            browser.waitFor(By.id("district-table"));
            assertThat(browser.text(By.id("district-table"))).contains("旅程第一医院", "20.0 %")
                    .doesNotContain("旅程社区卫生服务中心");
            browser.screenshot("region-district-desktop");
            browser.driver().findElement(By.linkText("旅程第一医院")).click();
            browser.waitFor(By.id("items-table"));
            assertThat(browser.text(By.id("items-table"))).contains("胸部 CT", "5", "20.0 %", "200.00");
            assertThat(browser.text(By.id("institution-months"))).contains("2026年12月", "未报");
            browser.screenshot("region-institution-desktop");
            browser.resize(Browser.PHONE);
            browser.screenshot("region-institution-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.go("/region/districts?period=2026-10");
            browser.waitFor(By.id("districts-table"));
            browser.screenshot("region-districts-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.go("/region/completeness");
            browser.waitFor(By.id("completeness-table"));
            assertThat(browser.text(By.id("completeness-table"))).contains("旅程第一医院", "未报");
            browser.screenshot("region-completeness-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.resize(Browser.DESKTOP).go("/region/completeness");
            browser.waitFor(By.id("completeness-table"));
            browser.screenshot("region-completeness-desktop");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling on a desktop").isZero();

            // the alliance report: A leads, B is a member; A 5 records 1 repeat, B 1 record → 6 records, 1 / 6 = 16.7 %
            browser.go("/region/alliances?period=2026-10");
            browser.waitFor(By.id("alliances-table"));
            browser.driver().findElement(By.linkText("旅程医联体")).click();
            browser.waitFor(By.id("members-table"));
            assertThat(browser.text(By.id("alliance-indicators"))).contains("6", "16.7 %", "200.00", "上转人次");
            assertThat(browser.text(By.id("members-table"))).contains("旅程第一医院", "牵头", "20.0 %",
                    "旅程社区卫生服务中心", "少于 5 人，不予显示");
            assertThat(browser.text(By.id("alliance-referrals"))).contains("5", "6", "54.5 %");
            assertThat(browser.text(By.id("members-table"))).contains("100.0 %", "9,000", "1,000 · 基层");
            assertThat(browser.text(By.id("alliance-primary-care"))).contains("基层诊疗量占比", "10.0 %", "10,000");
            browser.screenshot("region-alliance-desktop");
            browser.resize(Browser.PHONE);
            browser.screenshot("region-alliance-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();

            // the ranking: A (5 records of 5 patients, 1 / 5 = 20.0 %) 1st; B (1 patient) not ranked
            browser.resize(Browser.DESKTOP).go("/region/rankings?period=2026-10");
            browser.waitFor(By.id("ranking-table"));
            assertThat(browser.text(By.id("ranking-table"))).contains("旅程第一医院", "20.0 %", "少于 5 人，不排名",
                    "无检查记录").doesNotContain(p1);
            browser.screenshot("region-rankings-desktop");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling on a desktop").isZero();
            browser.resize(Browser.PHONE).go("/region/rankings?period=2026-10");
            scrollTo(browser, browser.waitFor(By.id("ranking-table")));
            browser.screenshot("region-rankings-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            assertThat(browser.driver().findElement(By.linkText("旅程第一医院")).getDomAttribute("href"))
                    .isEqualTo("/region/institutions/" + a.code() + "?period=2026-10");
            browser.go("/region/institutions/" + a.code() + "?period=2026-10");
            scrollTo(browser, browser.waitFor(By.id("trend-chart")));
            assertThat(browser.text(By.id("trend-table"))).contains("2026年10月", "20.0 %", "第 1 / 1");
            browser.screenshot("region-institution-trend-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
        }
        assertThat(hospitals.findInRegion(region, newCode)).isPresent();
    }

    /**
     * Repeat-rate alerts in a browser. Chest CT in December 2026 (the test clock's last complete month): B examines
     * P1…P6 on the 1st, A examines them again on the 2nd and P7…P11 on the 3rd: A 6 repeats of 11 records = 54.5 %.
     * The region administrator first types a threshold that is no per cent (refused beside the field), then 30;
     * A's records then raise the alerts of A (54.5 %), of the item (6 / 17 = 35.3 %) and of the alliance A + B
     * (35.3 %); the regulator reads them on a desktop and at 375 px.
     */
    @Test
    void theRegionAdministratorSetsTheAlertThresholdAndTheRegulatorReadsTheAlerts() throws Exception {
        Journey j = journey("RW", "预警第一医院", "预警社区卫生服务中心");
        HospitalProfile a = j.a();
        HospitalProfile b = j.b();
        send(j.regionAdmin(), "POST", "/api/v1/alliances", """
                {"code": "RW-AL-%s", "name": "预警医联体", "lead": "%s", "members": ["%s"]}"""
                .formatted(j.tag(), a.code(), b.code()));
        try (Browser browser = Browser.open(port)) {
            browser.signIn(j.regionAdmin(), TestUsers.PASSWORD);
            browser.go("/region/repeat-alerts");
            browser.waitFor(By.id("threshold-form"));
            assertThat(browser.text(By.id("threshold-now"))).contains("10.0 %", "系统默认值");
            browser.field("threshold").sendKeys("百分之三十");
            browser.driver().findElement(By.id("threshold-submit")).click();
            assertThat(browser.waitForTextContaining(By.id("threshold-error"), "百分数")).contains("百分之三十");
            assertThat(browser.text(By.id("threshold-now"))).contains("10.0 %");
            browser.screenshot("region-alerts-threshold-error-desktop");
            browser.field("threshold").clear();
            browser.field("threshold").sendKeys("30");
            browser.driver().findElement(By.id("threshold-submit")).click();
            browser.waitFor(By.id("threshold-saved"));
            assertThat(browser.text(By.id("threshold-now"))).contains("30.0 %");

            String p = "RW-" + UUID.randomUUID() + "-";
            StringBuilder ofB = new StringBuilder();
            StringBuilder ofA = new StringBuilder();
            for (int i = 1; i <= 11; i++) {
                if (i <= 6) {
                    ofB.append(ofB.isEmpty() ? "" : ",").append(exam(b.code(), p + i, 1).replace("2026-10", "2026-12"));
                }
                ofA.append(ofA.isEmpty() ? "" : ",").append(exam(a.code(), p + i, i <= 6 ? 2 : 3)
                        .replace("2026-10", "2026-12"));
            }
            send(j.officeB(), "POST", "/api/v1/exams", "[" + ofB + "]");
            send(j.officeA(), "POST", "/api/v1/exams", "[" + ofA + "]");

            browser.driver().findElement(By.cssSelector(".userbox button.link")).click();
            browser.waitFor(By.id("login-logout"));
            browser.signIn(j.regulator(), TestUsers.PASSWORD);
            browser.go("/region/repeat-alerts");
            browser.waitFor(By.id("alert-table"));
            assertThat(browser.text(By.id("alert-count"))).contains("共 3 条预警");
            assertThat(browser.text(By.id("alert-table"))).contains("预警第一医院", "机构", "2026年12月", "54.5 %",
                    "11 次检查中重复 6 次", "胸部 CT", "检查项目", "35.3 %", "预警医联体", "医联体", "30.0 %")
                    .doesNotContain(p);
            assertThat(browser.driver().findElements(By.id("threshold-form"))).isEmpty();
            browser.screenshot("region-alerts-desktop");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling on a desktop").isZero();
            browser.resize(Browser.PHONE).go("/region/repeat-alerts?kind=INSTITUTION");
            scrollTo(browser, browser.waitFor(By.id("alert-table")));
            assertThat(browser.text(By.id("alert-table"))).contains("54.5 %").doesNotContain("预警医联体");
            browser.screenshot("region-alerts-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.go("/notifications");
            browser.waitForTextContaining(By.tagName("main"), "重复检查预警");
            browser.screenshot("region-alerts-notifications-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
        }
    }

    /**
     * The evaluation centre set up on its page, on a desktop and at 375 px: the region administrator first leaves the
     * evaluator's name empty (said beside the field, the rest kept), then sets the centre up and sees the one-time
     * password once; bringing the months in backwards is refused beside the field with both months kept; October 2026
     * then brings A and B in (2 added; neither reported for itself, so nothing written).
     */
    @Test
    void theRegionAdministratorSetsUpTheEvaluationCentreOnItsPage() throws Exception {
        Journey j = journey("RC", "中心第一医院", "中心社区卫生服务中心");
        String code = "RCE-" + j.tag();
        String evaluator = "rce-" + j.tag().toLowerCase();
        try (Browser browser = Browser.open(port)) {
            browser.signIn(j.regionAdmin(), TestUsers.PASSWORD);
            browser.go("/region/hospitals");
            browser.driver().findElement(By.linkText("评价中心")).click();
            browser.waitFor(By.id("centre-form"));
            assertThat(browser.text(By.id("member-table"))).contains("中心第一医院", "尚未纳入");
            browser.field("code").sendKeys(code);
            browser.field("name").sendKeys("旅程区域评价中心");
            browser.field("adminUsername").sendKeys(evaluator);
            browser.driver().findElement(By.id("centre-submit")).click();
            assertThat(browser.waitForTextContaining(By.id("adminDisplayName-error"), "必填")).contains("必填");
            assertThat(browser.waitFor(By.id("name")).getDomProperty("value")).isEqualTo("旅程区域评价中心");
            assertThat(browser.waitFor(By.id("adminUsername")).getDomProperty("value")).isEqualTo(evaluator);
            browser.screenshot("region-centre-new-error-desktop");
            browser.field("adminDisplayName").sendKeys("孙老师");
            browser.driver().findElement(By.id("centre-submit")).click();
            browser.waitFor(By.id("created-password"));
            assertThat(browser.text(By.id("created-password"))).hasSize(16);
            assertThat(browser.text(By.id("created-username"))).isEqualTo(evaluator);
            browser.screenshot("region-centre-created-desktop");
            browser.driver().findElement(By.id("to-centre")).click();
            browser.waitFor(By.id("sync-form"));
            assertThat(browser.text(By.id("centre-card"))).contains("旅程区域评价中心", code, "孙老师（" + evaluator + "）");
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
            js.executeScript("document.getElementById('sync-from').value = '2026-10';"
                    + "document.getElementById('sync-to').value = '2026-09';");
            browser.driver().findElement(By.id("sync-submit")).click();
            assertThat(browser.waitForTextContaining(By.id("sync-to-error"), "起始不晚于截止")).contains("60 个月");
            assertThat(browser.waitFor(By.id("sync-from")).getDomProperty("value")).isEqualTo("2026-10");
            assertThat(browser.waitFor(By.id("sync-to")).getDomProperty("value")).isEqualTo("2026-09");
            browser.screenshot("region-centre-sync-error-desktop");
            js.executeScript("document.getElementById('sync-to').value = '2026-10';");
            browser.driver().findElement(By.id("sync-submit")).click();
            assertThat(browser.waitForTextContaining(By.id("synced"), "新增机构 2 家")).contains("2026年10月");
            assertThat(browser.text(By.id("member-table"))).contains("中心第一医院", "已纳入")
                    .doesNotContain("尚未纳入");
            browser.screenshot("region-centre-desktop");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling on a desktop").isZero();
            browser.resize(Browser.PHONE).go("/region/centre");
            browser.waitFor(By.id("sync-form"));
            browser.screenshot("region-centre-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            scrollTo(browser, browser.waitFor(By.id("member-table")));
            browser.screenshot("region-centre-members-phone");
            assertThat(browser.display("#member-table tbody tr")).isNotEqualTo("table-row");
        }
    }

    /** A region of its own: hospitals A (tertiary, 城东区) and B (primary care, 城西区), their people, chest CT. */
    private record Journey(String tag, long region, HospitalProfile a, HospitalProfile b, String regionAdmin,
                           String regulator, String admin, String officeA, String officeB) {
    }

    private Journey journey(String prefix, String nameA, String nameB) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long region = jdbc.sql("INSERT INTO region (code, name) VALUES (:c, :c) RETURNING id")
                .param("c", prefix + "-" + tag).query(Long.class).single();
        HospitalProfile a = hospitals.create(region, prefix + "A-" + tag, nameA, ZoneId.of("Asia/Shanghai"),
                UnitType.TERTIARY_HOSPITAL, "三级甲等", "城东区", false);
        HospitalProfile b = hospitals.create(region, prefix + "B-" + tag, nameB, ZoneId.of("Asia/Shanghai"),
                UnitType.PRIMARY_CARE, "未定级", "城西区", false);
        String admin = users.create(a.id(), Role.ADMIN, null);
        Journey j = new Journey(tag, region, a, b, users.create(a.id(), Role.REGION_ADMIN, null),
                users.create(a.id(), Role.REGULATOR, null), admin, users.create(a.id(), Role.CHANNEL_MANAGER, null),
                users.create(b.id(), Role.CHANNEL_MANAGER, null));
        send(j.regionAdmin(), "PUT", "/api/v1/exam-items/CT", """
                {"name": "胸部 CT", "category": "EXAMINATION", "validDays": 30, "scope": "REGION", "price": 200.00}""");
        return j;
    }

    /** The box of the institution {@code reference} among the new alliance's members. */
    private static org.openqa.selenium.WebElement member(Browser browser, String reference) {
        return browser.driver().findElement(By.cssSelector("#member-groups input[value='" + reference + "']"));
    }

    private static boolean memberShown(Browser browser, String reference) {
        return member(browser, reference).findElement(By.xpath("..")).isDisplayed();
    }

    private static void scrollTo(Browser browser, org.openqa.selenium.WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()",
                element);
    }

    static String exam(String institution, String patient, int day) {
        return """
                {"recordId": "rj-%s", "institution": "%s", "patientId": "%s", "item": "CT",
                 "performedAt": "2026-10-%02dT08:00:00Z", "recognisable": true}"""
                .formatted(UUID.randomUUID(), institution, patient, day);
    }

    private static String referralsOut(String prefix, String to, int n) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rows.append(rows.isEmpty() ? "" : ",").append("""
                    {"eventId": "%s-%d", "type": "REFERRAL_OUT", "channel": "P", "occurredAt": "2026-10-%02dT09:00:00+08:00",
                     "attributes": {"to": "%s"}}""".formatted(prefix, i, 10 + i, to));
        }
        return "[" + rows + "]";
    }

    private void send(String user, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
    }
}
