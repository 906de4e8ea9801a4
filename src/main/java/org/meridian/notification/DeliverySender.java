package org.meridian.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox's sender (发送任务): every {@code meridian.notification.send-interval} it claims the deliveries due by
 * the injected {@link Clock}, sends each outside any transaction, and records the outcome — sent, or failed with
 * its reason and the next attempt of the {@link RetryPolicy}. A delivery is never deleted; a sender that dies while
 * sending leaves its claimed deliveries to be tried again after {@link #LEASE}. The action that raised the
 * notification committed long before and never waits for a mail server or a robot.
 */
@Component
class DeliverySender {

    /** How long a claimed delivery is left to its sender before another may try it. */
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final Deliveries deliveries;
    private final Preferences preferences;
    private final MailGateway mail;
    private final WebhookGateway robots;
    private final RetryPolicy retry;
    private final Clock clock;
    private final boolean enabled;

    DeliverySender(Deliveries deliveries, Preferences preferences, MailGateway mail, WebhookGateway robots,
                   RetryPolicy retry, Clock clock, @Value("${meridian.notification.sending:true}") boolean enabled) {
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.mail = mail;
        this.robots = robots;
        this.retry = retry;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${meridian.notification.send-interval:PT30S}",
            initialDelayString = "${meridian.notification.send-interval:PT30S}")
    void scheduled() {
        if (enabled) {
            sendDue();
        }
    }

    /** Sends everything due now; returns how many deliveries were attempted. */
    int sendDue() {
        return sendDue(null);
    }

    /**
     * Sends the hospital's deliveries due now ({@code null}: every hospital's); how many were attempted. A test that
     * shares its Meridian with others sends only its own hospital's, never what another test queued.
     */
    int sendDue(Long hospitalId) {
        int attempted = 0;
        List<Deliveries.Due> due;
        do {
            var now = clock.instant();
            due = deliveries.claim(hospitalId, now, now.plus(LEASE), BATCH);
            for (Deliveries.Due d : due) {
                send(d);
            }
            attempted += due.size();
        } while (due.size() == BATCH);
        return attempted;
    }

    private void send(Deliveries.Due d) {
        try {
            Preferences.Contact contact = preferences.contact(d.hospitalId(), d.recipient());
            String address = contact.address(d.way())
                    .orElseThrow(() -> new DeliveryFailedException("no address for " + d.way().name().toLowerCase()
                            + " (the recipient's contact was removed)"));
            switch (d.way()) {
                case EMAIL -> mail.send(address, d.subject(), d.body());
                case WEBHOOK -> robots.send(contact.webhookFormat(), address, contact.webhookSecret(), d.subject(),
                        d.body());
            }
            deliveries.sent(d.hospitalId(), d.id(), clock.instant());
        } catch (DeliveryFailedException | RuntimeException e) {
            String reason = e instanceof DeliveryFailedException ? e.getMessage() : DeliveryFailedException.deepest(e);
            var now = clock.instant();
            Optional<java.time.Instant> next = retry.nextAttempt(d.attempts() + 1, now);
            deliveries.failed(d.hospitalId(), d.id(), reason, next, now);
            log.warn("Delivery {} of hospital {} by {} failed (attempt {}){}: {}", d.id(), d.hospitalId(), d.way(),
                    d.attempts() + 1, next.isPresent() ? "" : ", no further attempt", reason);
        }
    }
}
