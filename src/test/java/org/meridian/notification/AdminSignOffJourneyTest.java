package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospital;
import org.meridian.support.Api;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;

/**
 * Issue 12, "Done when", for an administrator (ADMIN): the rules the compliance guard holds back reach the hospital
 * managers and the administrators (docs/incentives.md), so the administrator hears of two on the bell and by e-mail
 * (GreenMail), opens the first from the workbench on a desktop, signs it off with a justification on the rules table
 * and sees it leave the inbox; then the second at 375 px, until the inbox is empty. Nobody is told of a sign-off: the
 * rule simply applies from its validity on, as the rules table shows.
 */
@MeridianWebTest
class AdminSignOffJourneyTest extends WorkJourney {

    /** A fee per patient (per referral, per arrival), which the compliance guard holds back for a sign-off. */
    static final String PER_PATIENT = """
            {"code": "%s", "name": "%s", "type": "FEE", "validFrom": "2027-01-01", "baseKind": "MEASURE",
             "baseMeasure": "%s", "rateBy": "TIER", "tierRates": {"A": 30, "B": 20}}""";


    @Test
    void theAdministratorSignsOffTheRulesHeldBackFromTheInbox() throws Exception {
        Api api = new Api(port);
        Hospital h = NextPerson.hospital(hospitals, "WA", "合规签批旅程医院");
        String office = users.create(h.id(), Role.CHANNEL_MANAGER, null);
        String admin = users.create(h.id(), Role.ADMIN, null);
        next().chooseEmail(admin, "admin@wa.example", "COMPLIANCE_SIGN_OFF");
        List<Long> ids = List.of(rule(api, office, "PER-REFERRAL", "按转诊人次返费", "referrals"),
                rule(api, office, "PER-ARRIVAL", "按到诊人次返费", "arrivals"));

        assertThat(next().told(admin, 2, "work-signoff-admin-told-phone")).contains(
                "规则待合规签批：按转诊人次返费（PER-REFERRAL 第 1 版），签批前不生效",
                "规则待合规签批：按到诊人次返费（PER-ARRIVAL 第 1 版），签批前不生效");
        assertThat(next().mail(h, "admin@wa.example")).containsExactlyInAnyOrder(
                "【Meridian 消息】规则待合规签批：按转诊人次返费（PER-REFERRAL 第 1 版），签批前不生效",
                "【Meridian 消息】规则待合规签批：按到诊人次返费（PER-ARRIVAL 第 1 版），签批前不生效");

        try (Browser browser = Browser.open(port)) {
            browser.signIn(admin, TestUsers.PASSWORD);
            browser.waitFor(By.id("inbox"));
            assertThat(browser.text(By.id("work-kind-incentive-signOff"))).contains("规则待合规签批", "2");
            browser.screenshot("work-signoff-admin-before-desktop");
            signOff(browser, "PER-REFERRAL 第 1 版", ids.get(0), "法务意见：按人次计的信息服务费，已备案");
            assertThat(browser.text(By.id("inbox"))).as("signed off, it left the list")
                    .doesNotContain("PER-REFERRAL").contains("PER-ARRIVAL 第 1 版");
            assertThat(browser.text(By.id("work-kind-incentive-signOff"))).contains("1");
            browser.screenshot("work-signoff-admin-after-desktop");

            browser.resize(Browser.PHONE).go("/");
            browser.waitFor(By.id("inbox"));
            assertThat(browser.horizontalOverflow()).as("the workbench fits 375 px").isZero();
            browser.screenshot("work-signoff-admin-before-phone");
            signOff(browser, "PER-ARRIVAL 第 1 版", ids.get(1), "法务意见：到诊服务费，已备案");
            browser.waitFor(By.id("inbox-empty"));
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot("work-signoff-admin-after-phone");
        }
        // signed off by the administrator, as the API says too
        for (long id : ids) {
            String one = api.expect(200, office, "GET", "/api/v1/incentive-rules/" + id, null);
            assertThat((String) JsonPath.read(one, "$.compliance.status")).isEqualTo("SIGNED_OFF");
            assertThat((String) JsonPath.read(one, "$.compliance.signedOffBy")).isEqualTo(admin);
        }
    }

    /**
     * Opens the inbox's item with {@code part} (the rules table, at the rule's row), signs the rule off with the
     * justification, reads the confirmation and is back on the workbench.
     */
    private static void signOff(Browser browser, String part, long id, String justification) {
        NextPerson.item(browser, part).click();
        browser.waitFor(By.id("rule-" + id));
        browser.field("justification-" + id).sendKeys(justification);
        browser.waitFor(By.id("sign-off-" + id)).click();
        assertThat(browser.waitForTextContaining(By.id("flash-success"), part.substring(0, part.indexOf(' '))))
                .isNotBlank();
        assertThat(browser.text(By.id("rule-" + id))).contains(justification);
        browser.go("/");
        browser.waitFor(By.id("inbox"));
    }

    private static long rule(Api api, String office, String code, String name, String measure) {
        String body = api.expect(201, office, "POST", "/api/v1/incentive-rules",
                PER_PATIENT.formatted(code, name, measure));
        assertThat((String) JsonPath.read(body, "$.compliance.status")).isEqualTo("COMPLIANCE_REVIEW_REQUIRED");
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}
