package org.meridian.notification;

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
    private final AudienceDelivery delivery;
    private final Accounts accounts;
    private final Hospitals hospitals;

    NotificationsOnRepeatAlert(Inbox inbox, AudienceDelivery delivery, Accounts accounts, Hospitals hospitals) {
        this.inbox = inbox;
        this.delivery = delivery;
        this.accounts = accounts;
        this.hospitals = hospitals;
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
                .distinct().forEach(h -> delivery.deliver(h, raised, (e, hospitalAccounts) ->
                        RepeatAlertAudience.lead(e, h, hospitalAccounts)));
    }
}
