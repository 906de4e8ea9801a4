package org.meridian.notification.web;

import java.util.List;
import java.util.Locale;

import org.meridian.notification.Inbox;
import org.meridian.notification.Notification;
import org.meridian.notification.ReadFilter;
import org.meridian.shared.Actor;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The caller's notifications ({@code /notifications}): newest first, filtered read/unread, 20 a page. Opening one
 * marks it read and goes to its object; "mark read" and "mark all read" stay on the list.
 */
@Controller
@RequestMapping("/notifications")
class NotificationPages {

    static final int PAGE_SIZE = 20;

    private final Inbox inbox;
    private final MessageSource messages;

    NotificationPages(Inbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    /** One notification as the list shows it, its text already in the reader's language. */
    record Row(long id, String text, String link, java.time.OffsetDateTime createdAt, boolean read) {
    }

    @GetMapping
    String list(Actor actor, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        ReadFilter filter = filter(status);
        Locale locale = LocaleContextHolder.getLocale();
        Paged<Row> rows = inbox.list(actor, filter, Math.max(page, 0), PAGE_SIZE).map(n -> row(n, locale));
        model.addAttribute("notifications", rows);
        model.addAttribute("statuses", List.of(ReadFilter.values()));
        model.addAttribute("status", filter == null ? "" : filter.name());
        model.addAttribute("unread", inbox.unread(actor));
        return "notifications/list";
    }

    @PostMapping("/{id}/open")
    String open(Actor actor, @PathVariable long id) {
        return "redirect:" + inbox.markRead(actor, id).link();
    }

    @PostMapping("/{id}/read")
    String read(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String status) {
        inbox.markRead(actor, id);
        ReadFilter filter = filter(status);
        return "redirect:/notifications" + (filter == null ? "" : "?status=" + filter.name());
    }

    @PostMapping("/read-all")
    String readAll(Actor actor) {
        inbox.markAllRead(actor);
        return "redirect:/notifications";
    }

    /** UNREAD or READ; anything else shows all. */
    private static ReadFilter filter(String status) {
        return switch (status) {
            case "UNREAD" -> ReadFilter.UNREAD;
            case "READ" -> ReadFilter.READ;
            default -> null;
        };
    }

    private Row row(Notification n, Locale locale) {
        return new Row(n.id(), n.text(messages, locale), n.link(), n.createdAt(), n.read());
    }
}
