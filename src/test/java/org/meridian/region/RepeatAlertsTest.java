package org.meridian.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.exam.RepeatFiguresChanged;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repeat-rate alerts (重复检查预警, issue 16) worked by hand. A region of its own with hospitals A and B; B registers the
 * institution unit B-CLINIC; the alliance of A (lead) and B; chest CT (30 days, whole region, 200.00 CNY). The region
 * administrator sets the threshold to 30 % before any record arrives.
 * The test clock stands on 2027-01-15, so December 2026 is the last complete month and January 2027 the current one.
 * <pre>
 * December 2026  B        P1…P6 on the 1st                           6 records, 0 repeats
 *                A        P1…P6 on the 2nd (B's results, 1 day old)  6 repeats        } one batch:
 *                A        P7…P11 on the 3rd                          A: 11 records    }
 *                B-CLINIC P1, P2 on the 5th (B's results)            2 records, 2 repeats (100 %, but fewer than 5)
 * January 2027   B        N1…N3 on the 1st; A N1…N3 on the 2nd and N4…N10 on the 3rd (one batch): A 3 of 10 = 30.0 %
 * October 2026   B-CLINIC O1…O5 on the 1st; A O1…O5 on the 2nd: A 5 of 5, CT 5 of 10, the alliance 5 of 5
 * </pre>
 * Each batch is one check. After B's first: B 0 / 6, CT 0 / 6, the alliance 0 / 6: nothing. After A's December batch:
 * A 6 / 11 = 54.5454… % &gt; 30 → alert; the item CT over the region 6 / 17 = 35.29… % → alert; the alliance A + B
 * 6 / 17 → alert (every record here is another patient's, so an institution's records are its patients; the item's
 * and the alliance's patients are known from below as their largest institution's). After B-CLINIC's: B-CLINIC
 * 2 / 2 = 100 % but 2 &lt; 5 patients → none; CT now (6 + 2) / 19 = 42.1 %,
 * its alert's figures follow (raised once). January: A 3 / 10 = 30.0 %, equal and so not above → none; CT
 * 3 / 13 = 23.1 % → none; the alliance 3 / 13 → none; B has 3 patients (&lt; 5). October (sent last, an old month):
 * A 100 %, CT 50 %, the alliance 100 % → three alerts, listed but told to nobody. So six alerts, three of them told.
 * <p>Who hears (of December's): the regulator of every alert (3); A's channel office (A leads the alliance) of the
 * alliance's alert and of A's (a member): 2; B's office, A's analyst: none.
 */
@MeridianTest
class RepeatAlertsTest {

    @Autowired TestRegions regions;
    @Autowired JdbcClient jdbc;
    @Autowired RepeatAlertWatch watch;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    TestRegion r;
    String a;
    String b;
    String alliance;

    @BeforeEach
    void region() throws Exception {
        r = regions.create();
        a = r.a.hospital.code();
        b = r.b.hospital.code();
        r.item("CT", "胸部 CT", "EXAMINATION", "200.00");
        r.b.as(r.b.office, json(post("/api/v1/units"), """
                {"code": "B-CLINIC", "name": "乙社区卫生服务站", "kind": "INSTITUTION", "type": "PRIMARY_CARE"}"""))
                .andExpect(status().isCreated());
        alliance = r.alliance("预警医联体", a, b);
    }

    private ResultActions form(String username, String path, String threshold) throws Exception {
        return regions.as(username, post(path).param("threshold", threshold).with(csrf()).accept(MediaType.TEXT_HTML));
    }

    private ResultActions api(String username, String path) throws Exception {
        return regions.as(username, get(path));
    }

    private BigDecimal storedThreshold() {
        return jdbc.sql("SELECT repeat_alert_threshold FROM region WHERE id = :r").param("r", r.id)
                .query(BigDecimal.class).optional().orElse(null);
    }

    private long notifications(String username) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient = :u AND kind = 'REPEAT_RATE_ALERT'")
                .param("u", username).query(Long.class).single();
    }

    /** Records of patients {@code patient}from…to at the institution on one day (08:00 UTC). */
    private static List<String> rows(String institution, String patient, int from, int to, String month, int day) {
        List<String> rows = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            rows.add("""
                    {"recordId": "%s", "institution": "%s", "patientId": "%s%d", "item": "CT",
                     "performedAt": "%s-%02dT08:00:00Z", "recognisable": true}"""
                    .formatted(UUID.randomUUID(), institution, patient, i, month, day));
        }
        return rows;
    }

    /** One batch. */
    @SafeVarargs
    private static void send(TestHospital h, List<String>... parts) throws Exception {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        h.as(h.office, json(post("/api/v1/exams"), "[" + String.join(",", all) + "]")).andExpect(status().isOk());
    }

    /** The batches of the table, in this order; A's October and November records each in one batch. */
    private void theCase() throws Exception {
        String p = "RA-" + UUID.randomUUID() + "-P";
        String n = "RA-" + UUID.randomUUID() + "-N";
        String o = "RA-" + UUID.randomUUID() + "-O";
        send(r.b, rows(b, p, 1, 6, "2026-12", 1));
        send(r.a, rows(a, p, 1, 6, "2026-12", 2), rows(a, p, 7, 11, "2026-12", 3));
        send(r.b, rows("B-CLINIC", p, 1, 2, "2026-12", 5));
        send(r.b, rows(b, n, 1, 3, "2027-01", 1));
        send(r.a, rows(a, n, 1, 3, "2027-01", 2), rows(a, n, 4, 10, "2027-01", 3));
        send(r.b, rows("B-CLINIC", o, 1, 5, "2026-10", 1));
        send(r.a, rows(a, o, 1, 5, "2026-10", 2));
    }

    /**
     * Five records are not five patients: one patient S at B-CLINIC on 1 November 2026, then at B on the 2nd, 4th, 6th,
     * 8th and 10th (each a REPEAT: an earlier result of another institution, B-CLINIC's, within 30 days). B has 5
     * records and 5 repeats, 100 % over the 30 % threshold, but 1 patient; the item CT and the alliance A + B cover at
     * least 1 patient (their largest row's) too. No alert; by records (the rule before) B would have raised one.
     */
    @Test
    void fiveRecordsOfOnePatientRaiseNoAlert() throws Exception {
        form(r.regionAdmin, "/region/repeat-alerts/threshold", "30").andExpect(status().is3xxRedirection());
        String s = "RA-" + UUID.randomUUID() + "-S";
        send(r.b, rows("B-CLINIC", s, 1, 1, "2026-11", 1));
        List<String> atB = new ArrayList<>();
        for (int day = 2; day <= 10; day += 2) {
            atB.addAll(rows(b, s, 1, 1, "2026-11", day));
        }
        send(r.b, atB);
        api(r.b.analyst, "/api/v1/exams/repeats?period=2026-11&institution=" + b)
                .andExpect(jsonPath("$.items[0].records").value(5)).andExpect(jsonPath("$.items[0].repeats").value(5));
        assertThat(watch.check(new RepeatFiguresChanged(r.id, r.b.hospital.id(), Set.of(YearMonth.of(2026, 11)))))
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM repeat_alert WHERE region_id = :r").param("r", r.id)
                .query(Long.class).single()).isZero();
    }

    /** The text from the element carrying {@code marker} to the end of its row (tags stripped). */
    private static String row(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as(marker).isPositive();
        return html.substring(start, html.indexOf("</tr>", start)).replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ");
    }

    @Test
    void theRegionAdministratorSetsTheThresholdAndEachSubjectPassingItInAMonthRaisesOneAlert() throws Exception {
        // before: the installation's default, 10.0 %
        assertThat(regions.page(r.regulator, "/region/repeat-alerts")).contains("当月重复检查率超过 10.0 % 时预警", "系统默认值");
        form(r.regionAdmin, "/region/repeat-alerts/threshold", "30").andExpect(status().is3xxRedirection());
        assertThat(storedThreshold()).isEqualByComparingTo("30.0");
        theCase();

        String list = regions.page(r.regulator, "/region/repeat-alerts?month=2026-12");
        assertThat(list).contains("共 3 条预警", "当月重复检查率超过 30.0 % 时预警");
        assertThat(row(list, "data-alert=\"INSTITUTION:" + a + ":2026-12\""))
                .contains(r.a.hospital.name(), "机构", "2026年12月", "54.5 %", "11 次检查中重复 6 次", "30.0 %");
        assertThat(row(list, "data-alert=\"ITEM:CT:2026-12\""))
                .contains("胸部 CT", "检查项目", "42.1 %", "19 次检查中重复 8 次");
        assertThat(row(list, "data-alert=\"ALLIANCE:" + alliance + ":2026-12\""))
                .contains("预警医联体", "医联体", "35.3 %", "17 次检查中重复 6 次");
        assertThat(list).doesNotContain("data-alert=\"INSTITUTION:" + b + ":", "B-CLINIC:2026-12", ":2027-01\"");
        assertThat(regions.page(r.regulator, "/region/repeat-alerts?month=2027-01")).contains("共 0 条预警", "没有符合条件的预警");
        String october = regions.page(r.regulator, "/region/repeat-alerts?month=2026-10");
        assertThat(october).contains("共 3 条预警");
        assertThat(row(october, "data-alert=\"INSTITUTION:" + a + ":2026-10\"")).contains("100.0 %", "5 次检查中重复 5 次");
        assertThat(regions.page(r.regionAdmin, "/region/repeat-alerts?kind=ITEM")).contains("共 2 条预警");
        assertThat(regions.page(r.regulator, "/region/repeat-alerts?q=" + alliance.toLowerCase())).contains("共 2 条预警");
        // an unreadable month is said, and every month shown: the latest first
        String bad = regions.page(r.regulator, "/region/repeat-alerts?month=2026-13");
        assertThat(bad).contains("id=\"filter-errors\"", "2026-13", "共 6 条预警");
        assertThat(bad.indexOf(":2026-12\"")).isLessThan(bad.indexOf(":2026-10\""));

        // the same list by API, read only: the latest month first, then by kind (ALLIANCE, INSTITUTION, ITEM) and
        // subject; rates as fractions rounded once to 6 decimals: 6 / 17 = 0.352941…, 6 / 11 = 0.545454… → 0.545455,
        // 8 / 19 = 0.421052… → 0.421053
        api(r.regulator, "/api/v1/region/repeat-alerts?month=2026-12").andExpect(status().isOk())
                .andExpect(jsonPath("$.threshold.percent").value(30.0))
                .andExpect(jsonPath("$.threshold.byDefault").value(false))
                .andExpect(jsonPath("$.minRecords").value(5))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].kind").value("ALLIANCE"))
                .andExpect(jsonPath("$.items[0].subject").value(alliance))
                .andExpect(jsonPath("$.items[0].name").value("预警医联体"))
                .andExpect(jsonPath("$.items[0].rate").value(Matchers.closeTo(0.352941, 1e-9)))
                .andExpect(jsonPath("$.items[1].kind").value("INSTITUTION"))
                .andExpect(jsonPath("$.items[1].subject").value(a))
                .andExpect(jsonPath("$.items[1].month").value("2026-12"))
                .andExpect(jsonPath("$.items[1].records").value(11))
                .andExpect(jsonPath("$.items[1].repeats").value(6))
                .andExpect(jsonPath("$.items[1].rate").value(Matchers.closeTo(0.545455, 1e-9)))
                .andExpect(jsonPath("$.items[1].threshold").value(30.0))
                .andExpect(jsonPath("$.items[1].raisedAt").isNotEmpty())
                .andExpect(jsonPath("$.items[2].kind").value("ITEM"))
                .andExpect(jsonPath("$.items[2].subject").value("CT"))
                .andExpect(jsonPath("$.items[2].records").value(19))
                .andExpect(jsonPath("$.items[2].rate").value(Matchers.closeTo(0.421053, 1e-9)));
        // six in all; two a page: the third page holds October's institution (5 of 5) and item (5 of 10)
        api(r.regionAdmin, "/api/v1/region/repeat-alerts?size=2&page=2").andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(6))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].kind").value("INSTITUTION"))
                .andExpect(jsonPath("$.items[0].month").value("2026-10"))
                .andExpect(jsonPath("$.items[0].rate").value(Matchers.closeTo(1.0, 1e-9)))
                .andExpect(jsonPath("$.items[1].kind").value("ITEM"))
                .andExpect(jsonPath("$.items[1].rate").value(Matchers.closeTo(0.5, 1e-9)));
        api(r.regulator, "/api/v1/region/repeat-alerts?kind=item").andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2));
        api(r.regulator, "/api/v1/region/repeat-alerts?q=" + alliance.toLowerCase()).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2));
        // unlike the page, what cannot be read is a 400 naming each parameter
        api(r.regulator, "/api/v1/region/repeat-alerts?month=2026-13&kind=PATIENT").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("month", "kind")));
        api(r.regulator, "/api/v1/region/repeat-alerts?size=0").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        // a hospital's staff do not read it; another region's regulator sees none of this region's alerts
        api(r.a.analyst, "/api/v1/region/repeat-alerts").andExpect(status().isForbidden());
        api(r.hospitalAdmin, "/api/v1/region/repeat-alerts").andExpect(status().isForbidden());
        TestRegion other = regions.create();
        api(other.regulator, "/api/v1/region/repeat-alerts").andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.threshold.percent").value(10.0))
                .andExpect(jsonPath("$.threshold.byDefault").value(true));

        // who heard: the regulator of all three, A's office (A leads the alliance) of the alliance's and of A's
        assertThat(notifications(r.regulator)).isEqualTo(3);
        assertThat(notifications(r.a.office)).isEqualTo(2);
        assertThat(notifications(r.b.office)).isZero();
        assertThat(notifications(r.a.analyst)).isZero();
        assertThat(regions.page(r.regulator, "/notifications")).contains(
                "重复检查预警：" + r.a.hospital.name() + "（机构）2026 年 12 月的重复检查率为 54.5 %（11 次检查中重复 6 次），超过区域阈值 30.0 %。");
        // the notification told the figures of the moment the alert was raised: CT 6 of 17 then
        assertThat(regions.page(r.regulator, "/notifications")).contains(
                "重复检查预警：胸部 CT（检查项目）2026 年 12 月的重复检查率为 35.3 %（17 次检查中重复 6 次），超过区域阈值 30.0 %。");
        assertThat(jdbc.sql("SELECT link FROM notification WHERE recipient = :u AND kind = 'REPEAT_RATE_ALERT'"
                + " ORDER BY link").param("u", r.a.office).query(String.class).list())
                .containsOnly("/region/alliances/" + alliance + "?period=2026-12");

        // checked again (the same event delivered twice): nothing new, nobody told twice
        RepeatFiguresChanged again = new RepeatFiguresChanged(r.id, r.a.hospital.id(),
                Set.of(YearMonth.of(2026, 12), YearMonth.of(2027, 1), YearMonth.of(2026, 10)));
        assertThat(watch.check(again)).isEmpty();
        transactions.executeWithoutResult(s -> events.publishEvent(again));
        assertThat(jdbc.sql("SELECT count(*) FROM repeat_alert WHERE region_id = :r").param("r", r.id)
                .query(Long.class).single()).isEqualTo(6);
        assertThat(notifications(r.regulator)).isEqualTo(3);
        // a later record of October (a new patient at A) changes A's figures: still one alert of October, now
        // showing 6 of 12 = 50.0 %
        send(r.a, rows(a, "RA-" + UUID.randomUUID() + "-L", 1, 1, "2026-12", 20));
        String later = regions.page(r.regulator, "/region/repeat-alerts?month=2026-12");
        assertThat(later).contains("共 3 条预警");
        assertThat(row(later, "data-alert=\"INSTITUTION:" + a + ":2026-12\"")).contains("50.0 %", "12 次检查中重复 6 次");
    }

    @Test
    void aBadThresholdIsRefusedBesideTheFieldAndNothingIsSaved() throws Exception {
        form(r.regionAdmin, "/region/repeat-alerts/threshold", "25.5").andExpect(status().is3xxRedirection());
        long audits = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'REPEAT_ALERT_THRESHOLD_SET'")
                .query(Long.class).single();
        for (String bad : new String[] {"", "abc", "0", "0.0", "100", "150", "-5", "12.34", "１２"}) {
            String html = form(r.regionAdmin, "/region/repeat-alerts/threshold", bad).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(bad).contains("id=\"threshold-error\"")
                    .contains(bad.isEmpty() ? "请填写预警阈值" : "不是大于 0、小于 100 且最多一位小数的百分数");
            assertThat(storedThreshold()).as(bad).isEqualByComparingTo("25.5");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'REPEAT_ALERT_THRESHOLD_SET'")
                .query(Long.class).single()).isEqualTo(audits);
    }

    @Test
    void theRegulatorReadsButWritesNothingAndHospitalStaffDoNotSeeTheList() throws Exception {
        assertThat(regions.page(r.regulator, "/region/repeat-alerts")).doesNotContain("id=\"threshold-form\"");
        form(r.regulator, "/region/repeat-alerts/threshold", "20").andExpect(status().isForbidden());
        assertThat(storedThreshold()).isNull();
        r.a.as(r.regulator, json(put("/api/v1/exam-items/CT"), """
                {"name": "胸部 CT", "category": "EXAMINATION", "validDays": 7, "scope": "REGION", "price": 1.00}"""))
                .andExpect(status().isForbidden());
        for (String staff : new String[] {r.a.analyst, r.a.office, r.hospitalAdmin}) {
            regions.open(staff, "/region/repeat-alerts").andExpect(status().isForbidden());
            form(staff, "/region/repeat-alerts/threshold", "20").andExpect(status().isForbidden());
        }
        assertThat(storedThreshold()).isNull();
    }
}
