package org.meridian.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.meridian.region.RepeatRateAlertsRaised;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Repeat-rate alerts were raised: the region's regulators hear of each, an alliance's lead hospital of those about
 * its alliance and members ({@link RepeatAlertAudience}). Delivered again, it creates nothing twice (one
 * notification per recipient, kind and alert).
 */
@Component
class NotificationsOnRepeatAlert {

    private final Inbox inbox;
    private final Accounts accounts;
    private final Hospitals hospitals;
    private final Clock clock;

    NotificationsOnRepeatAlert(Inbox inbox, Accounts accounts, Hospitals hospitals, Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.hospitals = hospitals;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RepeatRateAlertsRaised raised) {
        Map<String, List<String>> regulators = accounts.withRoleInRegion(raised.regionId(), Role.REGULATOR).stream()
                .filter(Accounts.RegionAccount::enabled)
                .collect(Collectors.groupingBy(Accounts.RegionAccount::hospitalCode, TreeMap::new,
                        Collectors.mapping(Accounts.RegionAccount::username, Collectors.toList())));
        regulators.forEach((code, usernames) -> hospitals.findByCode(code).ifPresent(h ->
                inbox.deliver(h.id(), RepeatAlertAudience.regulators(raised, usernames))));
        raised.alerts().stream().flatMap(r -> r.leads().stream()).map(RepeatRateAlertsRaised.Lead::hospitalId)
                .distinct().forEach(h -> inbox.deliver(h,
                        RepeatAlertAudience.lead(raised, h, accounts.list(h, clock.instant()))));
    }
}
