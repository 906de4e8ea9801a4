package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.Browser;
import org.meridian.support.MeridianWebTest;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser, on a desktop and at 375 px: the region administrator grants an analyst a second hospital on the
 * grants page; the analyst opens the chooser from the top bar, enters the second hospital (the top bar and the home
 * page then name it) and goes back to their own.
 */
@MeridianWebTest
class HospitalChooserJourneyTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    @Test
    void anAnalystSwitchesToTheGrantedHospitalAndBack() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Hospital a = hospitals.create("CJA-" + tag, "城东人民医院", ZoneId.of("Asia/Shanghai"));
        Hospital b = hospitals.create("CJB-" + tag, "城西社区卫生服务中心", ZoneId.of("Asia/Shanghai"));
        String regionAdmin = users.create(a.id(), Role.REGION_ADMIN, null);
        String analyst = users.create(a.id(), Role.ANALYST, null);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(regionAdmin, TestUsers.PASSWORD);
            browser.go("/region/grants");
            browser.field("username").sendKeys(analyst);
            browser.field("hospital").sendKeys(b.code());
            browser.driver().findElement(By.id("grant-submit")).click();
            browser.waitFor(By.id("notice"));
            browser.go("/region/grants?q=" + analyst);
            assertThat(browser.text(By.id("grant-table"))).contains(analyst, "城东人民医院", "城西社区卫生服务中心");
            browser.screenshot("hospital-grants-desktop");
            browser.resize(Browser.PHONE).go("/region/grants?q=" + analyst);
            browser.waitFor(By.id("grant-table"));
            browser.screenshot("hospital-grants-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.resize(Browser.DESKTOP);
            browser.driver().findElement(By.cssSelector(".userbox button.link")).click();
            browser.waitFor(By.id("login-logout"));

            browser.signIn(analyst, TestUsers.PASSWORD);
            browser.go("/");
            assertThat(browser.text(By.id("topbar-hospital"))).isEqualTo("城东人民医院");
            browser.waitFor(By.id("topbar-hospital")).click();
            browser.waitFor(By.id("hospital-choices"));
            assertThat(browser.text(By.id("hospital-choices"))).contains("城东人民医院", "当前所在",
                    "城西社区卫生服务中心", "已授权进入");
            browser.screenshot("hospital-chooser-desktop");
            browser.driver().findElement(By.id("enter-" + b.code())).click();
            browser.waitFor(By.id("hospital-name"));
            assertThat(browser.text(By.id("hospital-name"))).isEqualTo("城西社区卫生服务中心");
            assertThat(browser.text(By.id("topbar-hospital"))).isEqualTo("城西社区卫生服务中心");
            browser.screenshot("hospital-chosen-desktop");

            browser.resize(Browser.PHONE).go("/");
            browser.waitFor(By.id("hospital-name"));
            browser.screenshot("hospital-chosen-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.waitFor(By.id("topbar-hospital")).click();
            browser.waitFor(By.id("hospital-choices"));
            browser.screenshot("hospital-chooser-phone");
            assertThat(browser.horizontalOverflow()).as("no sideways scrolling at 375 px").isZero();
            browser.driver().findElement(By.id("enter-" + a.code())).click();
            browser.waitFor(By.id("hospital-name"));
            assertThat(browser.text(By.id("hospital-name"))).isEqualTo("城东人民医院");
        }
    }
}
