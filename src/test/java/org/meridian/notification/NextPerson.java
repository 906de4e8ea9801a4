package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.Api;
import org.meridian.support.Browser;
import org.meridian.support.MailCatcher;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The parts of a "done when" journey (issue 12) around the work itself: the next person chooses e-mail on 提醒方式,
 * finds the news on the bell and the list, and its e-mail arrives once the hospital's outbox is sent; and the set-up
 * and the inbox's links. Shared by {@link WorkDoneJourneyTest}, {@link IncentiveWorkJourneyTest} and
 * {@link ChannelWorkJourneyTest}.
 */
final class NextPerson {

    private final int port;
    private final DeliverySender sender;
    private final MailCatcher smtp;

    NextPerson(int port, DeliverySender sender, MailCatcher smtp) {
        this.port = port;
        this.sender = sender;
        this.smtp = smtp;
    }

    /** The user, on a phone, gives an e-mail address and ticks e-mail for one kind of news (from My account). */
    void chooseEmail(String user, String email, String kind) {
        try (Browser browser = Browser.open(port)) {
            browser.resize(Browser.PHONE);
            browser.signIn(user, TestUsers.PASSWORD);
            browser.go("/account");
            browser.waitFor(By.id("notification-preferences-link")).click();
            browser.waitFor(By.id("preferences-form"));
            browser.field("email").sendKeys(email);
            browser.waitFor(By.id("pick-" + kind + ":EMAIL")).click();
            browser.waitFor(By.id("preferences-submit")).click();
            browser.waitFor(By.id("preferences-saved"));
        }
    }

    /**
     * The user's bell on a phone counts {@code unread}; the text of their notifications page (shot to
     * {@code screenshot}), which fits 375 px.
     */
    String told(String user, int unread, String screenshot) {
        try (Browser browser = Browser.open(port)) {
            browser.resize(Browser.PHONE);
            browser.signIn(user, TestUsers.PASSWORD);
            assertThat(browser.waitForText(By.cssSelector("#topbar-notifications .topbar-count"), String.valueOf(unread)))
                    .isEqualTo(String.valueOf(unread));
            browser.go("/notifications");
            String text = browser.text(By.id("notifications"));
            assertThat(browser.horizontalOverflow()).isZero();
            browser.screenshot(screenshot);
            return text;
        }
    }

    /**
     * Sends the hospital's outbox (nothing arrived before: an action never waits for a mail server) and returns the
     * subjects of what arrived, each addressed to {@code to} alone; the mail server is emptied for the next step.
     * Only this hospital's outbox is sent: the shared test Meridian holds other tests' deliveries.
     */
    List<String> mail(Hospital h, String to) throws MessagingException {
        assertThat(smtp.getReceivedMessages()).as("nothing sent before the outbox is sent").isEmpty();
        int sent = sender.sendDue(h.id());
        List<String> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            assertThat(Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                    .containsExactly(to);
            out.add(m.getSubject());
        }
        assertThat(out).hasSize(sent);
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("the test mail server could not be emptied", e);
        }
        return out;
    }

    /** A hospital of the test's own (Asia/Shanghai), its code starting with {@code prefix}. */
    static Hospital hospital(Hospitals hospitals, String prefix, String name) {
        return hospitals.create(prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), name,
                ZoneId.of("Asia/Shanghai"));
    }

    /** Registers a channel through the API; its id. */
    static long channel(Api api, String office, String code, String name, String type) {
        String body = api.expect(201, office, "POST", "/api/v1/channels",
                "{\"code\": \"" + code + "\", \"name\": \"" + name + "\", \"type\": \"" + type + "\"}");
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** The inbox link whose text contains {@code part}. */
    static WebElement item(Browser browser, String part) {
        return browser.driver().findElements(By.cssSelector("#inbox li.work-item a")).stream()
                .filter(a -> a.getText().contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no to-do with '" + part + "' in " + browser.text(By.id("inbox"))));
    }
}
