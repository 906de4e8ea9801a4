package org.meridian.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.meridian.shared.Actor;
import org.meridian.shared.web.Paged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's notifications: each caller reads and marks only their own, in the hospital they act in.
 * Notifications are made by this module's listeners of other modules' events ({@link #deliver}).
 */
@Service
public class Inbox {

    private final Notifications notifications;
    private final Outbox outbox;
    private final Clock clock;

    Inbox(Notifications notifications, Outbox outbox, Clock clock) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The caller's notifications, newest first; {@code filter} null for all. */
    @Transactional(readOnly = true)
    public Paged<Notification> list(Actor actor, ReadFilter filter, int page, int size) {
        Paged.check(page, size);
        return notifications.page(actor.hospitalId(), actor.username(), filter, page, size);
    }

    /** How many of the caller's notifications are unread (the bell's count). */
    @Transactional(readOnly = true)
    public long unread(Actor actor) {
        return notifications.unread(actor.hospitalId(), actor.username());
    }

    /**
     * Marks one of the caller's notifications read (nothing changes when it already was) and returns it.
     *
     * @throws NotificationNotFoundException when the caller has no notification with that id in this hospital
     */
    @Transactional
    public Notification markRead(Actor actor, long id) {
        Notification n = notifications.find(actor.hospitalId(), actor.username(), id)
                .orElseThrow(() -> new NotificationNotFoundException(id));
        notifications.markRead(actor.hospitalId(), actor.username(), id, now());
        return n;
    }

    /** Marks every unread notification of the caller read; returns how many were unread. */
    @Transactional
    public int markAllRead(Actor actor) {
        return notifications.markRead(actor.hospitalId(), actor.username(), null, now());
    }

    /**
     * Delivers the notifications a recipient does not have yet, and queues each new one in the {@link Outbox} for the
     * ways its recipient chose, in the same transaction; returns how many were new.
     */
    @Transactional
    int deliver(long hospitalId, List<NewNotification> batch) {
        Instant now = now();
        int created = 0;
        for (NewNotification n : batch) {
            Optional<Long> id = notifications.insertIfAbsent(hospitalId, n, now);
            if (id.isPresent()) {
                outbox.enqueue(hospitalId, id.get(), n, now);
                created++;
            }
        }
        return created;
    }

    /**
     * The work a notification asked for is done (a rule signed off): every notification of that kind and source is
     * read from then on, for each person it was addressed to, whoever did the work — as the to-do item of the same
     * work leaves every inbox. Settled again, nothing changes (what is read stays read, with its time).
     */
    @Transactional
    int settle(long hospitalId, NotificationKind kind, long sourceId, Instant at) {
        return notifications.settle(hospitalId, kind, sourceId, at.truncatedTo(ChronoUnit.MICROS));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
