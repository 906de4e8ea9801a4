package org.meridian.incentive;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.incentive.statements.StatementStatus;
import org.meridian.shared.web.Paged;

import org.meridian.shared.Period;
import org.meridian.incentive.rules.RuleDefinition;
import org.meridian.incentive.rules.ScoreBand;
import org.meridian.shared.Actor;
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
 * templates, one money rule per referral that waits for a compliance sign-off and a quality bonus by score band
 * ({@link #QUALITY_BANDS});
 * then the statements and sanctions of the demo's published evaluations (the latest periods), drafted as on
 * publication, with those of the latest period in several states (paid, approved, reviewed, draft). Without
 * published evaluations there are no statements: a statement's result only ever comes from one. Runs once:
 * nothing when rules exist.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("meridian.demo")
class IncentiveDemoData implements ApplicationRunner {

    private final RuleBook rules;
    private final StatementWorkflow statements;
    private final UserDetailsService users;
    private final Hospitals hospitals;
    private final EvaluationResults evaluations;
    private final EvaluationDrafting drafting;
    private final Clock clock;

    /**
     * The quality bonus's bands: 3,000 元 × 1.5 from 85 points (capped at 4,000), × 1 from 70, × 0.5 from 55 — the
     * demo schemes' tier thresholds (A, B, C), so that every channel the place rules reward (tiers A to C) earns money
     * too. Most demo channels score 55 to 70: a bonus from 70 only left them statements of places at 0.00 元, and
     * whole periods waiting at 0.00 元 in the inbox.
     */
    static final List<ScoreBand> QUALITY_BANDS = List.of(new ScoreBand(new BigDecimal("85"), null,
            new BigDecimal("1.5")), new ScoreBand(new BigDecimal("70"), new BigDecimal("85"), BigDecimal.ONE),
            new ScoreBand(new BigDecimal("55"), new BigDecimal("70"), new BigDecimal("0.5")));

    /** How many of the latest published periods per unit type and period kind the demo drafts. */
    static final int PERIODS_DRAFTED = 4;

    IncentiveDemoData(RuleBook rules, StatementWorkflow statements, UserDetailsService users, Hospitals hospitals,
                      EvaluationResults evaluations, EvaluationDrafting drafting, Clock clock) {
        this.clock = clock;
        this.evaluations = evaluations;
        this.drafting = drafting;
        this.rules = rules;
        this.statements = statements;
        this.users = users;
        this.hospitals = hospitals;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(users.loadUserByUsername("office") instanceof MeridianUser office)
                || !(users.loadUserByUsername("manager") instanceof MeridianUser manager)) {
            return;
        }
        Actor officeActor = office.actor();
        Actor managerActor = manager.actor();
        // the channel register still reads who changes a channel from the security context
        var context = SecurityContextHolder.getContext();
        try {
            as(office);
            if (!rules.rules(officeActor).isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.now(clock.withZone(hospitals.current().timeZone()));
            rules.installTemplates(officeActor, LocalDate.of(today.getYear() - 1, 1, 1));
            rules.createRule(officeActor, new RuleDefinition("PER-REFERRAL", "按转诊人次返费（示例：需合规审查）", "FEE", null,
                    LocalDate.of(today.getYear() - 1, 1, 1), null, "MEASURE", null, "referrals", "TIER",
                    Map.of("A", new BigDecimal("30"), "B", new BigDecimal("20")), null, new BigDecimal("3000"), null,
                    null, null, null, null, null, null, null, null, null));
            rules.createRule(officeActor, new RuleDefinition("QUALITY-BONUS", "质量奖励（按总分段）", "FEE", null,
                    LocalDate.of(today.getYear() - 1, 1, 1), null, "FIXED", new BigDecimal("3000"), null, "SCORE_BAND",
                    null, QUALITY_BANDS, new BigDecimal("4000"), null, null, null, null,
                    null, null, null, null, null, null));
            List<Evaluation> published = recentPublished(office);
            if (!published.isEmpty()) {
                for (Evaluation e : published) {
                    // the demo leaves the channels' lifecycle as the channel and intake demos made it (the intake
                    // demo's checks re-derive its plan from the channels' statuses): probations are recorded only
                    drafting.draftAsSystem(officeActor, e.id(), false);
                }
                moveThroughTheWorkflow(published.get(published.size() - 1).period().toString(), officeActor,
                        managerActor);
            }
        } finally {
            SecurityContextHolder.getContext().setAuthentication(null);
            SecurityContextHolder.setContext(context);
        }
    }

    /**
     * The published evaluations of the demo hospital, oldest period first; per unit type and period kind only the
     * latest {@value #PERIODS_DRAFTED} periods (enough for the three-period sanction streak).
     */
    private List<Evaluation> recentPublished(MeridianUser office) {
        List<Evaluation> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var found = evaluations.search(office.actor(), null, null, page, Paged.MAX_SIZE);
            all.addAll(found.items());
            if ((long) (page + 1) * Paged.MAX_SIZE >= found.total()) {
                break;
            }
        }
        Map<String, List<Evaluation>> byKind = new LinkedHashMap<>();
        // statements are a channel's: the demo's department and institution evaluations are left out
        all.stream().filter(Evaluation::published)
                .filter(e -> e.unitType().kind() == org.meridian.shared.UnitKind.CHANNEL)
                .sorted(Comparator.comparing((Evaluation e) -> e.period()).thenComparing(Evaluation::version))
                .forEach(e -> byKind.computeIfAbsent(e.unitType() + "/" + e.period().kind(), k -> new ArrayList<>())
                        .add(e));
        List<Evaluation> chosen = new ArrayList<>();
        for (List<Evaluation> list : byKind.values()) {
            List<Period> periods = list.stream().map(Evaluation::period).distinct().toList();
            var recent = periods.subList(Math.max(0, periods.size() - PERIODS_DRAFTED), periods.size());
            list.stream().filter(e -> recent.contains(e.period())).forEach(chosen::add);
        }
        chosen.sort(Comparator.comparing((Evaluation e) -> e.period()).thenComparing(Evaluation::version));
        return chosen;
    }

    /**
     * Statements of the latest drafted period in several states: every fourth paid, the next approved, the next
     * reviewed (the office reviews, the manager approves and pays; the system drafted them); the rest stay drafts.
     */
    private void moveThroughTheWorkflow(String period, Actor office, Actor manager) {
        List<StatementSummary> drafts = statements.statements(office, period).stream()
                .filter(st -> st.status() == StatementStatus.DRAFT && st.sequence() == 1).toList();
        for (int i = 0; i < drafts.size(); i++) {
            long id = drafts.get(i).id();
            int step = i % 4;
            if (step == 3) {
                continue;
            }
            statements.review(office, id);
            if (step <= 1) {
                statements.approve(manager, id);
                if (step == 0) {
                    statements.pay(manager, id);
                }
            }
        }
    }

    private static void as(MeridianUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
