package org.meridian.rectification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationResults;
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

/**
 * Demo mode only, right after the demo appeals (which publish an evaluation when none is): up to two rectification
 * plans, opened by {@code office} on the newest published evaluation with qualifying channels (CH-001 first when it
 * qualifies, so the demo channel user sees one) — the first with an action a week overdue, one due next month and a
 * follow-up note; the second in progress with its action done. Runs once: nothing when the hospital has plans.
 */
@Component
@Order(71)
@ConditionalOnBooleanProperty("meridian.demo")
class RectificationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RectificationDemoData.class);

    private final RectificationWorkflow rectification;
    private final EvaluationResults evaluations;
    private final UserDetailsService users;

    RectificationDemoData(RectificationWorkflow rectification, EvaluationResults evaluations, UserDetailsService users) {
        this.rectification = rectification;
        this.evaluations = evaluations;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(users.loadUserByUsername("office") instanceof MeridianUser office)
                || rectification.search(office.actor(), null, 0, 1).total() > 0) {
            return;
        }
        List<Evaluation> published = new ArrayList<>(evaluations.search(office.actor(), null, null, 0, Paged.MAX_SIZE).items()
                .stream().filter(Evaluation::published).toList());
        published.sort(Comparator.comparing((Evaluation e) -> e.period().lastDay()).reversed());
        for (Evaluation e : published) {
            List<Candidate> candidates = new ArrayList<>(rectification.candidates(office.actor(), e.id()));
            if (candidates.isEmpty()) {
                continue;
            }
            candidates.sort(Comparator.comparing((Candidate c) -> !c.code().equals("CH-001")));
            open(office, e, candidates);
            return;
        }
        log.info("Demo rectification plans skipped: no published evaluation has a qualifying channel");
    }

    private void open(MeridianUser office, Evaluation e, List<Candidate> candidates) {
        var today = rectification.today(office.actor());
        Candidate first = candidates.get(0);
        Plan p = rectification.open(office.actor(), e.id(), first.code(), e.period() + " 整改计划 · " + first.name());
        rectification.addAction(office.actor(), p.id(), new NewAction("每周核对转诊与到诊登记，找出未到诊原因",
                "渠道联络员 " + first.code(), today.minusDays(7)));
        rectification.addAction(office.actor(), p.id(), new NewAction("与医院预约中心共享排班，减少改约", "渠道办 张敏",
                today.plusMonths(1)));
        rectification.addNote(office.actor(), p.id(), "已与渠道负责人电话沟通，约定每周五提交核对表。");
        Optional<Candidate> second = candidates.stream().skip(1).findFirst();
        if (second.isPresent()) {
            Plan q = rectification.open(office.actor(), e.id(), second.get().code(), e.period() + " 整改计划 · "
                    + second.get().name());
            PlanAction a = rectification.addAction(office.actor(), q.id(), new NewAction("补充满意度调查流程培训",
                    "渠道办 李强", today.plusDays(14)));
            rectification.changeStatus(office.actor(), q.id(), PlanStatus.IN_PROGRESS, null);
            rectification.completeAction(office.actor(), q.id(), a.id());
        }
    }
}
