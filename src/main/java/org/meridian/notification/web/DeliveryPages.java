package org.meridian.notification.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.meridian.notification.Delivery;
import org.meridian.notification.DeliveryStatus;
import org.meridian.notification.Outbox;
import org.meridian.shared.Actor;
import org.meridian.shared.web.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 消息外发 ({@code /admin/notifications}, a tab of 系统管理): the hospital's e-mail and robot deliveries, by default
 * those not sent (waiting for a retry or given up), newest first, 20 a page, with the reason of the last failure;
 * "send again now" makes one due at once.
 */
@Controller
@RequestMapping("/admin/notifications")
@PreAuthorize("hasRole('ADMIN')")
class DeliveryPages {

    static final int PAGE_SIZE = 20;

    private final Outbox outbox;

    DeliveryPages(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Set<DeliveryStatus> statuses = statuses(status);
        Paged<Delivery> deliveries = outbox.list(actor, statuses, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("statuses", List.of(DeliveryStatus.values()));
        model.addAttribute("status", statuses.size() == 1 ? statuses.iterator().next().name() : "");
        model.addAttribute("activeNav", "admin");
        model.addAttribute("adminTab", "notifications");
        return "notifications/deliveries";
    }

    @PostMapping("/{id}/retry")
    String retry(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String status) {
        outbox.retryNow(actor, id);
        Set<DeliveryStatus> statuses = statuses(status);
        return "redirect:/admin/notifications?retried"
                + (statuses.size() == 1 ? "&status=" + statuses.iterator().next().name() : "");
    }

    /** One status by its name; anything else: everything not sent. */
    private static Set<DeliveryStatus> statuses(String status) {
        for (DeliveryStatus s : DeliveryStatus.values()) {
            if (s.name().equals(status)) {
                return EnumSet.of(s);
            }
        }
        return Outbox.UNSENT;
    }
}
