package org.meridian.portal.web;

import java.util.List;
import java.util.Locale;

import org.meridian.portal.ChannelPortal;
import org.meridian.referral.ReferralDesk;
import org.meridian.referral.ReferralStatus;
import org.meridian.shared.Actor;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.web.Workbench;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The channel portal's pages: its home ({@code /portal}, a channel's own users only), drawn for a phone first, and
 * with this month's referrals by status and the channel's response time and arrival rate against its tier's standards,
 * and the offline page ({@code /portal/offline}, public and without any data), which the service worker keeps and shows
 * when a page cannot be reached.
 */
@Controller
class PortalPages {

    private final ChannelPortal portal;
    private final Workbench workbench;
    private final MessageSource messages;
    private final ReferralDesk referrals;

    PortalPages(ChannelPortal portal, Workbench workbench, MessageSource messages, ReferralDesk referrals) {
        this.portal = portal;
        this.workbench = workbench;
        this.messages = messages;
        this.referrals = referrals;
    }

    /** How many of this month's referrals are in one status. */
    record StatusCount(ReferralStatus status, long count) {
    }

    /** One notification as the home lists it, its text already in the reader's language. */
    record Unread(long id, String text, java.time.OffsetDateTime createdAt) {
    }

    @GetMapping("/portal")
    @PreAuthorize("hasRole('CHANNEL_USER')")
    String home(@AuthenticationPrincipal MeridianUser user, Actor actor, Model model) {
        var home = portal.home(actor);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("home", home);
        model.addAttribute("unread", home.latestUnread().stream()
                .map(n -> new Unread(n.id(), n.text(messages, locale), n.createdAt())).toList());
        var bench = workbench.home(user);
        model.addAttribute("figures", bench.figures());
        model.addAttribute("charts", bench.charts());
        // the portal lists every open action of the channel's plans itself (home.open()), not only those due soon
        model.addAttribute("work", bench.work().stream()
                .filter(w -> !"rectification.action".equals(w.kind())).toList());
        var month = referrals.countsThisMonth(actor);
        model.addAttribute("referralMonth", java.util.Arrays.stream(ReferralStatus.values())
                .filter(s -> month.getOrDefault(s, 0L) > 0).map(s -> new StatusCount(s, month.get(s))).toList());
        model.addAttribute("referralTotal", month.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("greenChannel", referrals.greenChannelQuota(actor));
        model.addAttribute("service", portal.serviceThisMonth(actor));
        model.addAttribute("activeNav", "portal");
        return "portal/home";
    }

    /** The offline page's texts in one language. */
    record OfflineText(String lang, String title, String text, String retry) {
    }

    /** Both languages, Chinese first: the page is kept once and shown whatever language the reader chose. */
    @GetMapping("/portal/offline")
    String offline(Model model) {
        model.addAttribute("texts", List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH).stream()
                .map(l -> new OfflineText(l.toLanguageTag(), messages.getMessage("portal.offline.title", null, l),
                        messages.getMessage("portal.offline.text", null, l),
                        messages.getMessage("portal.offline.retry", null, l)))
                .toList());
        return "portal/offline";
    }
}
