package org.meridian.rectification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitKind;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.web.Paged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only, right after the demo appeals (which publish an evaluation when none is): up to two rectification
 * plans, opened by {@code office} {@value #OPENED_DAYS_AGO} days ago on the newest published evaluation of a period
 * that had ended by then in which CH-001 qualifies (so that the demo channel user sees one; else the newest with any
 * qualifying channel), CH-001's plan first, each step dated when it happened. The first is in progress since its follow-up note three days later, with
 * one action done on time twelve days ago, one a week overdue and one due next month; the second in progress with its
 * one action done. So no plan is opened after its actions fell due. Runs once: nothing when the hospital has plans.
 */
@Component
@Order(71)
@ConditionalOnBooleanProperty("meridian.demo")
class RectificationDemoData implements ApplicationRunner {

    /** The demo channel whose user ({@code partner}) should see a plan. */
    static final String DEMO_CHANNEL = "CH-001";

    /** How many days before today the demo's plans were opened. */
    static final int OPENED_DAYS_AGO = 24;

    private static final Logger log = LoggerFactory.getLogger(RectificationDemoData.class);

    private final RectificationWorkflow rectification;
    private final EvaluationResults evaluations;
    private final UserDetailsService users;
    private final TransactionTemplate transaction;

    RectificationDemoData(RectificationWorkflow rectification, EvaluationResults evaluations, UserDetailsService users,
                          PlatformTransactionManager transactions) {
        this.rectification = rectification;
        this.evaluations = evaluations;
        this.users = users;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(users.loadUserByUsername("office") instanceof MeridianUser office)
                || rectification.search(office.actor(), null, 0, 1).total() > 0) {
            return;
        }
        LocalDate today = rectification.today(office.actor());
        LocalDate opened = today.minusDays(OPENED_DAYS_AGO);
        // a plan is opened on a published result, so on a period that had ended by the day it was opened
        List<Evaluation> published = new ArrayList<>(evaluations.search(office.actor(), null, null, 0, Paged.MAX_SIZE).items()
                .stream().filter(Evaluation::published).filter(e -> e.unitType().kind() == UnitKind.CHANNEL)
                .filter(e -> e.period().lastDay().isBefore(opened)).toList());
        published.sort(Comparator.comparing((Evaluation e) -> e.period().lastDay()).reversed());
        // the newest in which the demo channel qualifies, so that its user sees a plan; else the newest with any
        Evaluation chosen = null;
        List<Candidate> chosenCandidates = List.of();
        for (Evaluation e : published) {
            List<Candidate> candidates = new ArrayList<>(rectification.candidates(office.actor(), e.id()));
            candidates.sort(Comparator.comparing((Candidate c) -> !c.code().equals(DEMO_CHANNEL)));
            boolean demoChannel = !candidates.isEmpty() && candidates.get(0).code().equals(DEMO_CHANNEL);
            if (demoChannel || chosen == null && !candidates.isEmpty()) {
                chosen = e;
                chosenCandidates = candidates;
            }
            if (demoChannel) {
                break;
            }
        }
        if (chosen == null) {
            log.info("Demo rectification plans skipped: no evaluation published before {} has a qualifying channel",
                    opened);
            return;
        }
        Evaluation e = chosen;
        List<Candidate> candidates = chosenCandidates;
        transaction.executeWithoutResult(status -> open(office.actor(), e, candidates, today));
    }

    /** The workflow as it was {@code days} days ago. */
    private RectificationWorkflow daysAgo(int days) {
        return rectification.ago(Duration.ofDays(days));
    }

    private void open(Actor office, Evaluation e, List<Candidate> candidates, LocalDate today) {
        RectificationWorkflow then = daysAgo(OPENED_DAYS_AGO);
        Candidate first = candidates.get(0);
        String liaison = "渠道联络员 " + first.code();
        Plan p = then.open(office, e.id(), first.code(), e.period() + " 整改计划 · " + first.name());
        PlanAction callBack = then.addAction(office, p.id(), new NewAction("整理近三个月未到诊名单并逐一电话回访",
                liaison, today.minusDays(10)));
        then.addAction(office, p.id(), new NewAction("每周核对转诊与到诊登记，找出未到诊原因", liaison,
                today.minusDays(7)));
        then.addAction(office, p.id(), new NewAction("与医院预约中心共享排班，减少改约", "渠道办 张敏",
                today.plusMonths(1)));
        daysAgo(OPENED_DAYS_AGO - 3).addNote(office, p.id(), "已与渠道负责人电话沟通，约定每周五提交核对表。");
        daysAgo(OPENED_DAYS_AGO - 3).changeStatus(office, p.id(), PlanStatus.IN_PROGRESS, null);
        daysAgo(12).completeAction(office, p.id(), callBack.id());
        Optional<Candidate> second = candidates.stream().skip(1).findFirst();
        if (second.isPresent()) {
            Plan q = daysAgo(20).open(office, e.id(), second.get().code(), e.period() + " 整改计划 · "
                    + second.get().name());
            PlanAction a = daysAgo(20).addAction(office, q.id(), new NewAction("补充满意度调查流程培训",
                    "渠道办 李强", today.minusDays(2)));
            daysAgo(18).changeStatus(office, q.id(), PlanStatus.IN_PROGRESS, null);
            daysAgo(5).completeAction(office, q.id(), a.id());
        }
    }
}
