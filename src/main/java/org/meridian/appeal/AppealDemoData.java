package org.meridian.appeal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.evaluation.Evaluation;
import org.meridian.evaluation.EvaluationConflictException;
import org.meridian.evaluation.EvaluationResults;
import org.meridian.evaluation.EvaluationRuns;
import org.meridian.evaluation.EvaluationSubject;
import org.meridian.evaluation.UnitScorecard;
import org.meridian.intake.RawEvent;
import org.meridian.shared.Period;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
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
 * Demo mode only: four appeals of the demo channel CH-001 (filed by its channel user {@code partner}) on the newest
 * published evaluation that scored it — one SUBMITTED, one UNDER_REVIEW, one REJECTED and one UPHELD whose correction
 * (an arrival that had not been registered) yields a new draft version. When no evaluation is published yet
 * (the demo evaluations come at {@code @Order(50)}), it runs and publishes last month's evaluation of CH-001's unit
 * type itself, as {@code office}. Runs once: nothing when the hospital has appeals.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty("meridian.demo")
class AppealDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AppealDemoData.class);

    private final AppealProcedure appeals;
    private final EvaluationResults evaluations;
    private final EvaluationRuns runs;
    private final ChannelRegistry channels;
    private final Hospitals hospitals;
    private final UserDetailsService users;

    AppealDemoData(AppealProcedure appeals, EvaluationResults evaluations, EvaluationRuns runs, ChannelRegistry channels, Hospitals hospitals,
                   UserDetailsService users) {
        this.appeals = appeals;
        this.evaluations = evaluations;
        this.runs = runs;
        this.channels = channels;
        this.hospitals = hospitals;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(users.loadUserByUsername("office") instanceof MeridianUser office)
                || !(users.loadUserByUsername("manager") instanceof MeridianUser manager)
                || !(users.loadUserByUsername("partner") instanceof MeridianUser partner)) {
            return;
        }
        long h = office.hospitalId();
        if (appeals.search(office.actor(), null, null, 0, 1).total() > 0) {
            return;
        }
        Optional<ChannelRef> ch = channels.findByCode(office.actor(), "CH-001");
        if (ch.isEmpty()) {
            return;
        }
        Optional<Evaluation> target = publishedWith(office, ch.get()).or(() -> publishOne(office, ch.get()));
        if (target.isEmpty()) {
            log.info("Demo appeals skipped: no published evaluation scores CH-001");
            return;
        }
        Evaluation e = target.get();
        UnitScorecard card = evaluations.scorecard(office.actor(), e.id(), "CH-001").orElseThrow();
        List<String> codes = card.indicators().stream().map(UnitScorecard.Line::code).toList();
        try {
            String[][] appealsToFile = {
                {"REFERRAL_VOLUME", "转诊量统计少计了两例周末转诊，请核实。"},
                {"SATISFACTION", "满意度调查有一份问卷漏报，患者已在纸质问卷中给出 5 分，请补录。"},
                {"REFERRAL_VOLUME", "本期有两例转诊未计入，附转诊单扫描件。"},
                {"ARRIVAL_RATE", "一位转诊患者已按约到诊，但到诊未登记，附到诊登记表。"}};
            List<Appeal> filed = new ArrayList<>();
            for (int i = 0; i < appealsToFile.length; i++) {
                String indicator = codes.contains(appealsToFile[i][0]) ? appealsToFile[i][0] : codes.get(0);
                filed.add(appeals.file(partner.actor(), new NewAppeal(e.id(), "CH-001", indicator, appealsToFile[i][1]),
                        i == 2 ? List.of(new AppealProcedure.Upload("转诊单扫描件.pdf", demoPdf())) : List.of()));
            }
            // SUBMITTED: filed[0]; UNDER_REVIEW: filed[1]; REJECTED: filed[2]; UPHELD: filed[3]
            appeals.startReview(office.actor(), filed.get(1).id());
            appeals.startReview(office.actor(), filed.get(2).id());
            appeals.decide(office.actor(), filed.get(2).id(), Decision.reject("核对 HIS 转诊记录，两例周末转诊已计入本期，无需更正。"));
            appeals.startReview(office.actor(), filed.get(3).id());
            LocalDate day = e.period().lastDay().minusDays(3);
            RawEvent arrival = RawEvent.of("demo-appeal-arrival-" + e.id(), "ARRIVED", "CH-001",
                    day + "T10:00:00+08:00", null, "P100001", null, Map.of());
            appeals.decide(manager.actor(), filed.get(3).id(), Decision.uphold("与门诊签到记录核对无误，补录一条到诊记录。",
                    List.of(), List.of(arrival)));
        } catch (RuntimeException ex) {
            log.info("Demo appeals stopped: {}", ex.getMessage());
        }
    }

    private Optional<Evaluation> publishedWith(MeridianUser office, ChannelRef ch) {
        return evaluations.search(office.actor(), null, ch.type(), 0, Paged.MAX_SIZE).items().stream()
                .filter(Evaluation::published)
                .filter(e -> evaluations.scorecard(office.actor(), e.id(), ch.code()).isPresent())
                .max(Comparator.comparing((Evaluation e) -> e.period().lastDay()).thenComparing(Evaluation::version));
    }

    private Optional<Evaluation> publishOne(MeridianUser office, ChannelRef ch) {
        long h = office.hospitalId();
        YearMonth last = YearMonth.now(hospitals.find(h).orElseThrow().timeZone()).minusMonths(1);
        try {
            Evaluation e = runs.run(office.actor(), new EvaluationSubject(Period.month(last.getYear(),
                    last.getMonthValue()), ch.type()));
            return Optional.of(runs.publish(office.actor(), e.id()));
        } catch (EvaluationConflictException ex) {
            return Optional.empty();
        }
    }

    /** A small valid PDF saying what it is. */
    static byte[] demoPdf() {
        String body = "BT /F1 12 Tf 72 720 Td (Demo referral slips) Tj ET";
        String pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
                + "4 0 obj << /Length " + body.length() + " >> stream\n" + body + "\nendstream endobj\n"
                + "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return pdf.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
