package org.meridian.incentive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.meridian.incentive.rules.ChannelResult;
import org.meridian.incentive.rules.ManualAdjustment;
import org.meridian.incentive.rules.Period;
import org.meridian.incentive.rules.RuleDefinition;
import org.meridian.shared.UnitType;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: in the demo hospital, done as the demo channel office ({@code office}), the default
 * templates, one money rule per referral that waits for a compliance sign-off, and two draft statements
 * of the last quarter for the manager to review and approve. Runs once: nothing when rules exist.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("meridian.demo")
class IncentiveDemoData implements ApplicationRunner {

    private final Incentives incentives;
    private final UserDetailsService users;
    private final Hospitals hospitals;

    IncentiveDemoData(Incentives incentives, UserDetailsService users, Hospitals hospitals) {
        this.incentives = incentives;
        this.users = users;
        this.hospitals = hospitals;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(users.loadUserByUsername("office") instanceof MeridianUser office)) {
            return;
        }
        var context = SecurityContextHolder.getContext();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(office, null, office.getAuthorities()));
        try {
            if (!incentives.rules().isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.now(hospitals.current().timeZone());
            incentives.installTemplates(LocalDate.of(today.getYear() - 1, 1, 1));
            incentives.createRule(new RuleDefinition("PER-REFERRAL", "按转诊人次返费（示例：需合规审查）", "FEE", null,
                    LocalDate.of(today.getYear() - 1, 1, 1), null, "MEASURE", null, "referrals", "TIER",
                    Map.of("A", new BigDecimal("30"), "B", new BigDecimal("20")), null, new BigDecimal("3000"), null,
                    null, null, null, null, null, null, null, null, null));
            incentives.createRule(new RuleDefinition("QUALITY-BONUS", "质量奖励（按总分段）", "FEE", null,
                    LocalDate.of(today.getYear() - 1, 1, 1), null, "FIXED", new BigDecimal("3000"), null, "SCORE_BAND",
                    null, java.util.List.of(new org.meridian.incentive.rules.ScoreBand(new BigDecimal("85"), null,
                            new BigDecimal("1.5")), new org.meridian.incentive.rules.ScoreBand(new BigDecimal("70"),
                            new BigDecimal("85"), BigDecimal.ONE)), new BigDecimal("4000"), null, null, null, null,
                    null, null, null, null, null, null));
            Period lastQuarter = lastQuarter(today);
            incentives.prepare(lastQuarter, new ChannelResult("CH-005", UnitType.EXAM_CENTER, "A",
                    new BigDecimal("88.6"), 1, Map.of("referrals", new BigDecimal("126"))));
            Statement second = incentives.prepare(lastQuarter, new ChannelResult("CH-003", UnitType.COMMUNITY_HEALTH,
                    "B", new BigDecimal("74.25"), 2, Map.of("referrals", new BigDecimal("58"))));
            incentives.addAdjustment(second.header().id(),
                    new ManualAdjustment(new BigDecimal("-150.00"), "上季度多计培训补贴冲回"));
        } finally {
            SecurityContextHolder.getContext().setAuthentication(null);
            SecurityContextHolder.setContext(context);
        }
    }

    private static Period lastQuarter(LocalDate today) {
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        return quarter == 1 ? new Period(Period.Kind.QUARTER, today.getYear() - 1, 4)
                : new Period(Period.Kind.QUARTER, today.getYear(), quarter - 1);
    }
}
