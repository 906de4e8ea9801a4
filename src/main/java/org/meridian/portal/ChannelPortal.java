package org.meridian.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.meridian.appeal.Appeal;
import org.meridian.appeal.AppealProcedure;
import org.meridian.appeal.AppealStatus;
import org.meridian.channel.Tier;
import org.meridian.channel.TierCatalogue;
import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.indicator.Measure;
import org.meridian.intake.EventIntake;
import org.meridian.notification.Inbox;
import org.meridian.notification.Notification;
import org.meridian.notification.ReadFilter;
import org.meridian.rectification.Plan;
import org.meridian.rectification.PlanAction;
import org.meridian.rectification.PlanStatus;
import org.meridian.rectification.RectificationWorkflow;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.tenant.HospitalCalendar;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;

/**
 * The channel portal's home for a channel's own user (渠道门户首页): read through the other modules' facades with the
 * caller as {@link Actor}, so each of them answers only what belongs to the caller's channel. Anyone who is not bound
 * to a channel is refused: the portal is the channel's view, the hospital's staff have the workbench.
 */
@Service
public class ChannelPortal {

    static final String MODULE = "portal";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The newest unread notifications shown on the home; the bell and the list have the rest. */
    static final int UNREAD_SHOWN = 3;
    /** Live plans read for their open actions; a channel has a handful at most. */
    static final int PLANS_READ = 20;

    private final ChannelRegistry channels;
    private final EvaluationResults evaluations;
    private final AppealProcedure appeals;
    private final RectificationWorkflow rectification;
    private final Inbox inbox;
    private final HospitalCalendar calendar;
    private final TierCatalogue tiers;
    private final EventIntake intake;

    ChannelPortal(ChannelRegistry channels, EvaluationResults evaluations, AppealProcedure appeals,
                  RectificationWorkflow rectification, Inbox inbox, HospitalCalendar calendar, TierCatalogue tiers,
                  EventIntake intake) {
        this.channels = channels;
        this.evaluations = evaluations;
        this.appeals = appeals;
        this.rectification = rectification;
        this.inbox = inbox;
        this.calendar = calendar;
        this.tiers = tiers;
        this.intake = intake;
    }

    /**
     * The caller's channel, what is open for it and its unread notifications.
     *
     * @throws RefusedException (403) for anyone not bound to a channel
     */
    public PortalHome home(Actor actor) {
        ChannelRef channel = ownChannel(actor);
        List<OpenItem> open = new ArrayList<>(actions(actor));
        open.addAll(appeals(actor));
        return new PortalHome(channel, open, inbox.unread(actor),
                inbox.list(actor, ReadFilter.UNREAD, 0, UNREAD_SHOWN).items());
    }

    /**
     * The caller's channel's response time and arrival rate from the first of this month to today (the hospital's
     * calendar), from intake's daily measures, against its tier's service standards.
     *
     * @throws RefusedException (403) for anyone not bound to a channel
     */
    public ServiceStanding serviceThisMonth(Actor actor) {
        ChannelRef channel = ownChannel(actor);
        LocalDate today = calendar.today(actor.hospitalId());
        LocalDate first = today.withDayOfMonth(1);
        Map<Measure, BigDecimal> sums = new java.util.EnumMap<>(Measure.class);
        intake.daily(actor.hospitalId(), channel.id(), first, today).values()
                .forEach(day -> day.forEach((m, v) -> sums.merge(m, v, BigDecimal::add)));
        Tier tier = channel.tier() == null ? null : tiers.get(actor, channel.tier());
        return ServiceStanding.of(first, today, tier == null ? null : tier.name(),
                tier == null ? null : tier.responseHours(), tier == null ? null : tier.arrivalRate(),
                sums.getOrDefault(Measure.RESPONSE_COUNT, BigDecimal.ZERO),
                sums.getOrDefault(Measure.RESPONSE_HOURS_SUM, BigDecimal.ZERO),
                sums.getOrDefault(Measure.REFERRALS, BigDecimal.ZERO),
                sums.getOrDefault(Measure.ARRIVALS, BigDecimal.ZERO));
    }

    /** The caller's own channel; anyone not bound to one is refused. */
    private ChannelRef ownChannel(Actor actor) {
        if (!actor.isChannelUser() || actor.channelId() == null) {
            throw new RefusedException(MODULE, "channel-only", "portal.refused.channelOnly", List.of(),
                    "The channel portal is for a channel's own users.");
        }
        return channels.find(actor, actor.channelId()).orElseThrow(() -> new RefusedException(MODULE,
                "channel-only", "portal.refused.channelOnly", List.of(), "The user's channel does not exist."));
    }

    /** The actions not done of the channel's live plans: overdue ones first, then by due date. */
    private List<OpenItem> actions(Actor actor) {
        ZoneId zone = calendar.zone(actor.hospitalId());
        var today = calendar.today(actor.hospitalId());
        List<OpenItem> items = new ArrayList<>();
        List<Plan> live = new ArrayList<>();
        for (PlanStatus s : PlanStatus.values()) {
            if (s.live()) {
                live.addAll(rectification.search(actor, s, 0, PLANS_READ).items());
            }
        }
        for (Plan plan : live) {
            for (PlanAction a : rectification.actions(actor, plan.id())) {
                if (!a.done()) {
                    items.add(new OpenItem(OpenItem.Kind.RECTIFICATION_ACTION, "portal.open.action",
                            List.of(a.description(), plan.title(), a.dueDate().toString()), "/rectification/" + plan.id(),
                            a.dueDate().atStartOfDay(zone).toOffsetDateTime(), a.overdueOn(today)));
                }
            }
        }
        items.sort(Comparator.comparing(OpenItem::due));
        return items;
    }

    /** The channel's appeals waiting for a decision, and the latest result if it may still be appealed. */
    private List<OpenItem> appeals(Actor actor) {
        OffsetDateTime now = appeals.currentTime();
        ZoneId zone = calendar.zone(actor.hospitalId());
        List<OpenItem> items = new ArrayList<>();
        for (AppealStatus status : AppealStatus.values()) {
            if (status.open()) {
                for (Appeal a : appeals.search(actor, status, null, 0, PLANS_READ).items()) {
                    items.add(new OpenItem(OpenItem.Kind.APPEAL, "portal.open.appeal",
                            List.of(a.period(), named("unitType." + a.unitType().name()),
                                    named("appeal.status." + a.status().name()), local(a.reviewDue(), zone)),
                            "/appeals/" + a.id(), a.reviewDue(), a.overdueAt(now)));
                }
            }
        }
        evaluations.latestOwn(actor).ifPresent((Evaluation e) -> appeals.filingDeadline(actor, e)
                .filter(deadline -> deadline.isAfter(now))
                .filter(deadline -> appeals.search(actor, null, e.id(), 0, 1).total() == 0)
                .ifPresent(deadline -> items.add(new OpenItem(OpenItem.Kind.APPEAL_WINDOW, "portal.open.window",
                        List.of(e.period().toString(), named("unitType." + e.unitType().name()),
                                local(deadline, zone)),
                        "/appeals/new?evaluation=" + e.id(), deadline, false))));
        return items;
    }

    /** A message key as an argument: the page's message source resolves it in the reader's language. */
    private static DefaultMessageSourceResolvable named(String key) {
        return new DefaultMessageSourceResolvable(key);
    }

    private static String local(OffsetDateTime t, ZoneId zone) {
        return t.atZoneSameInstant(zone).format(MINUTES);
    }
}
