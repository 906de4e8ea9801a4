package org.meridian.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailProxy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.meridian.support.Browser;
import org.meridian.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The steps the "done when" journeys of issue 12 repeat (a person chooses e-mail, opens a to-do, looks at the bell,
 * reads the e-mails that arrived), so that each journey states only what differs.
 */
final class JourneySteps {

    private final int port;
    private final DeliverySender sender;
    private final GreenMailProxy smtp;

    JourneySteps(int port, DeliverySender sender, GreenMailProxy smtp) {
        this.port = port;
        this.sender = sender;
        this.smtp = smtp;
    }

    /** The user, on a phone, gives an e-mail address and ticks e-mail for each kind of news. */
    void chooseEmail(String user, String email, String... kinds) {
        try (Browser browser = Browser.open(port)) {
            browser.resize(Browser.PHONE);
            browser.signIn(user, TestUsers.PASSWORD);
            browser.go("/account");
            browser.waitFor(By.id("notification-preferences-link")).click();
            browser.waitFor(By.id("preferences-form"));
            browser.field("email").sendKeys(email);
            for (String kind : kinds) {
                browser.waitFor(By.id("pick-" + kind + ":EMAIL")).click();
            }
            browser.waitFor(By.id("preferences-submit")).click();
            browser.waitFor(By.id("preferences-saved"));
        }
    }

    /** The inbox link whose text contains {@code part}. */
    static WebElement item(Browser browser, String part) {
        return browser.driver().findElements(By.cssSelector("#inbox li.work-item a")).stream()
                .filter(a -> a.getText().contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no to-do with '" + part + "' in " + browser.text(By.id("inbox"))));
    }

    /**
     * The user's bell on a phone counts {@code unread}; the text of their notifications page (shot to
     * {@code screenshot}), which fits 375 px.
     */
    String notifications(String user, int unread, String screenshot) {
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
     * Sends the hospital's outbox and returns the subjects of what arrived since the last call ({@code before}
     * messages had arrived then), each addressed to {@code to} alone.
     */
    List<String> subjects(long hospitalId, String to, int before) throws MessagingException {
        assertThat(smtp.getReceivedMessages()).as("nothing sent before the outbox is sent").hasSize(before);
        int sent = sender.sendDue(hospitalId);
        List<String> out = new ArrayList<>();
        MimeMessage[] received = smtp.getReceivedMessages();
        for (MimeMessage m : Arrays.copyOfRange(received, before, received.length)) {
            assertThat(Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                    .containsExactly(to);
            out.add(m.getSubject());
        }
        assertThat(out).hasSize(sent);
        return out;
    }
}
