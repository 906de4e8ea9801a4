package org.meridian.efficiency;

import java.util.Locale;
import java.util.Optional;

import org.meridian.shared.audit.AuditValueNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit page names an efficiency run's model ({@code model: BCC}) and orientation ({@code orientation: INPUT})
 * as the efficiency pages do: BCC（规模报酬可变）, 投入导向.
 */
@Component
class EfficiencyAuditNames implements AuditValueNames {

    private final MessageSource messages;

    EfficiencyAuditNames(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Optional<String> name(long hospitalId, String field, String value, boolean english) {
        if (!"model".equals(field) && !"orientation".equals(field)) {
            return Optional.empty();
        }
        Locale locale = english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        return Optional.ofNullable(messages.getMessage("efficiency." + field + "." + value, null, null, locale));
    }
}
