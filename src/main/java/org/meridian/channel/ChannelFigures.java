package org.meridian.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.shared.Actor;
import org.meridian.shared.NamedValues;
import org.meridian.shared.problem.FourEyes;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.web.AboutChannels;
import org.meridian.shared.web.HomeChart;
import org.meridian.shared.web.HomeCharts;
import org.meridian.shared.web.HomeFigure;
import org.meridian.shared.web.HomeFigures;
import org.meridian.shared.web.NavGroup;
import org.meridian.shared.web.NavItem;
import org.meridian.shared.web.WorkItem;
import org.meridian.shared.web.WorkItems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channel module in the shell: its navigation entry; its home-page figures (active channels, contracts ending
 * within the warning horizon, downgrades waiting for approval) for staff who may read the registry
 * ({@link ChannelVisibility#seesRegistry}); the tier distribution of the channels in work for the office and
 * leadership; and in the to-do inbox each downgrade waiting for a person who may decide it
 * ({@link ChannelVisibility#decidesTiers}) and did not request it ({@link FourEyes}).
 */
@Configuration(proxyBeanMethods = false)
class ChannelFigures implements AboutChannels, HomeFigures, WorkItems, HomeCharts {

    /** The kind of work item of a downgrade waiting for approval. */
    static final String DOWNGRADE = "channel.downgrade";

    private final ChannelRegistry registry;
    private final Channels channels;
    private final Tiers tiers;
    private final TierChangeWorkflow tierChanges;
    private final MessageSource messages;
    private final JsonMapper json;

    ChannelFigures(ChannelRegistry registry, Channels channels, Tiers tiers, TierChangeWorkflow tierChanges,
                   MessageSource messages, JsonMapper json) {
        this.registry = registry;
        this.channels = channels;
        this.tiers = tiers;
        this.tierChanges = tierChanges;
        this.messages = messages;
        this.json = json;
    }

    @Bean
    static NavItem channelNavItem() {
        return new NavItem("channels", 20, "nav.channels", "/channels", Role.ANALYST).inGroup(NavGroup.CHANNELS);
    }

    @Override
    public List<HomeFigure> figures(MeridianUser user) {
        Actor actor = user.actor();
        if (!ChannelVisibility.seesRegistry(actor)) {
            return List.of();
        }
        long ending = registry.contractsEndingSoon(actor, 1).total();
        long pending = tierChanges.countPending(actor);
        long active = channels.countByStatus(actor.hospitalId(), ChannelStatus.ACTIVE);
        return List.of(
                new HomeFigure(100, "channel.figure.active", String.valueOf(active),
                        "/channels?status=ACTIVE", "good"),
                new HomeFigure(110, "channel.figure.contractsEnding", String.valueOf(ending), "/channels/expiring",
                        ending > 0 ? "warn" : "normal"),
                new HomeFigure(120, "channel.figure.pendingDowngrades", String.valueOf(pending),
                        "/channels/approvals", pending > 0 ? "warn" : "normal"));
    }

    @Override
    public List<WorkItem> items(Actor actor) {
        if (!ChannelVisibility.decidesTiers(actor)) {
            return List.of();
        }
        Map<String, String> names = tierNames(actor.hospitalId());
        return tierChanges.pending(actor).stream()
                .filter(change -> FourEyes.allows(change.requestedBy(), actor))
                .map(change -> new WorkItem(DOWNGRADE, "channel.work.downgrade", "channel.work.downgradeText",
                        List.of(change.channelName(), change.channelCode(), tierName(names, change.fromTier()),
                                tierName(names, change.toTier())),
                        "/channels/approvals", change.requestedAt() == null ? null : change.requestedAt().toInstant()))
                .toList();
    }

    /** The tier distribution of the channels in work (pilot, active, probation), for the office and leadership. */
    @Override
    public List<HomeChart> charts(Actor actor) {
        if (!actor.has(Role.CHANNEL_MANAGER)) {
            return List.of();
        }
        Map<String, Long> counts = channels.countByTier(actor.hospitalId(), ChannelStatus.EVALUABLE);
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        tiers.all(actor.hospitalId()).forEach(t -> {
            labels.add(t.name() == null || t.name().isBlank() ? t.code() : t.name());
            values.add(counts.getOrDefault(t.code(), 0L));
        });
        long untiered = counts.entrySet().stream()
                .filter(e -> e.getKey() == null || tiers.all(actor.hospitalId()).stream()
                        .noneMatch(t -> t.code().equals(e.getKey())))
                .mapToLong(Map.Entry::getValue).sum();
        labels.add(messages.getMessage("channel.tier.none", null, LocaleContextHolder.getLocale()));
        values.add(untiered);
        Map<String, Object> option = NamedValues.of(
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 40, "right", 16, "top", 16, "bottom", 40),
                "xAxis", Map.of("type", "category", "data", labels, "axisLabel", Map.of("interval", 0)),
                "yAxis", Map.of("type", "value", "minInterval", 1),
                "series", List.of(Map.of("type", "bar", "data", values, "barMaxWidth", 48,
                        "name", messages.getMessage("channel.home.channels", null, LocaleContextHolder.getLocale()),
                        "label", Map.of("show", true, "position", "top"))));
        return List.of(new HomeChart(200, "tier-distribution", "channel.home.tierDistribution",
                json.writeValueAsString(option)));
    }

    private Map<String, String> tierNames(long hospitalId) {
        Map<String, String> names = new LinkedHashMap<>();
        tiers.all(hospitalId).forEach(t -> names.put(t.code(), t.name() == null || t.name().isBlank()
                ? t.code() : t.name()));
        return names;
    }

    private String tierName(Map<String, String> names, String code) {
        return code == null ? messages.getMessage("channel.tier.none", null, LocaleContextHolder.getLocale())
                : names.getOrDefault(code, code);
    }
}
