package org.meridian.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.NotFoundException;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of notifications delivered outside Meridian (外发队列). A notification the inbox creates is queued here,
 * in the same transaction, once for each way its recipient chose for its kind and has an address for; the
 * {@link DeliverySender} sends it afterwards. The administrator sees what waits or failed and may send a delivery
 * again at once.
 */
@Service
public class Outbox {

    /** The language of what goes out: the hospital's, Chinese. */
    static final Locale OUTBOUND_LOCALE = Locale.SIMPLIFIED_CHINESE;
    /** What the administrator's list shows unless asked otherwise: everything not sent. */
    public static final Set<DeliveryStatus> UNSENT = EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED);

    private final Deliveries deliveries;
    private final Preferences preferences;
    private final MessageSource messages;
    private final DeliverySettings.Outbound outbound;
    private final AuditLog audit;
    private final Clock clock;

    Outbox(Deliveries deliveries, Preferences preferences, MessageSource messages, DeliverySettings.Outbound outbound,
           AuditLog audit, Clock clock) {
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.messages = messages;
        this.outbound = outbound;
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues the notification for every way its recipient chose for its kind; returns how many were queued. */
    int enqueue(long hospitalId, long notificationId, NewNotification n, Instant now) {
        Set<DeliveryWay> ways = preferences.ways(hospitalId, n.recipient(), n.kind());
        if (ways.isEmpty()) {
            return 0;
        }
        Preferences.Contact contact = preferences.contact(hospitalId, n.recipient());
        OutboundText.Text text = OutboundText.of(n.kind(), n.messageKey(), n.args());
        String line = Notification.resolve(messages, OUTBOUND_LOCALE, text.messageKey(), text.args());
        String subject = messages.getMessage("notification.outbound.subject", new Object[] {line}, OUTBOUND_LOCALE);
        String link = outbound.link(n.link());
        int queued = 0;
        for (DeliveryWay way : ways) {
            // e-mail: plain text; a robot: the markdown both robots show (a link only when it can be followed)
            String body = switch (way) {
                case EMAIL -> messages.getMessage("notification.outbound.body", new Object[] {line, link},
                        OUTBOUND_LOCALE);
                case WEBHOOK -> messages.getMessage(outbound.baseUrl().isBlank() ? "notification.outbound.markdownPath"
                        : "notification.outbound.markdown", new Object[] {line, link}, OUTBOUND_LOCALE);
            };
            if (contact.address(way).isPresent() && deliveries.insertIfAbsent(hospitalId, notificationId,
                    n.recipient(), n.kind(), way, subject, body, n.link(), now)) {
                queued++;
            }
        }
        return queued;
    }

    /** The hospital's deliveries in {@code statuses}, newest first: for administrators only. */
    @Transactional(readOnly = true)
    public Paged<Delivery> list(Actor actor, Set<DeliveryStatus> statuses, int page, int size) {
        requireAdmin(actor);
        Paged.check(page, size);
        return deliveries.page(actor.hospitalId(), statuses.isEmpty() ? UNSENT : statuses, page, size);
    }

    /**
     * Makes a delivery that was not sent due at once (the sender's next round sends it), whatever its attempts so far.
     *
     * @throws NotFoundException when the hospital has no such delivery, or it was sent already
     */
    @Transactional
    public void retryNow(Actor actor, long id) {
        requireAdmin(actor);
        if (!deliveries.retryNow(actor.hospitalId(), id, clock.instant())) {
            throw new NotFoundException("notification", "delivery", id, "notification.problem.deliveryNotFound");
        }
        audit.record(actor.hospitalId(), actor.username(), "NOTIFICATION_DELIVERY_RETRIED", String.valueOf(id),
                Map.of());
    }

    private static void requireAdmin(Actor actor) {
        RefusedException.unless(actor.has(Role.ADMIN), "notification", "deliveries-admin-only",
                "notification.problem.adminOnly", actor.username() + " is no administrator and may not see the outbox");
    }
}
