package org.meridian.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A hospital's measure catalogue (度量目录): what indicator formulas may name. It holds the built-in event measures
 * (sums of events, {@link Measure}), the built-in {@value MeasureTotals#DAYS} (the number of days of the period) and
 * the hospital's own statistic measures ({@link StatisticMeasure}, reported monthly per unit and aggregated over a
 * period). A statistic measure is defined once and never changed (formulas and stored statistics name it).
 * Reading needs ANALYST, defining CHANNEL_MANAGER.
 */
@Service
public class MeasureCatalogue {

    /** Names and counting units of the built-in measures, zh and en, in the order of {@link Measure}. */
    private static final Map<String, String[]> BUILT_IN = new LinkedHashMap<>();

    static {
        builtIn("referrals", "转诊量", "Referrals", "人次");
        builtIn("accepted", "受理数", "Accepted referrals", "人次");
        builtIn("arrivals", "到诊数", "Arrivals", "人次");
        builtIn("conversions", "转化数", "Conversions", "人次");
        builtIn("revenue", "收入", "Revenue", "元");
        builtIn("survey_count", "满意度调查份数", "Survey answers", "份");
        builtIn("survey_sum", "满意度得分之和", "Sum of survey scores", "分");
        builtIn("satisfied", "满意份数", "Satisfied answers", "份");
        builtIn("nps_count", "推荐意愿答卷数", "Recommendation answers", "份");
        builtIn("promoters", "推荐者", "Promoters", "人");
        builtIn("detractors", "贬损者", "Detractors", "人");
        builtIn("complaints", "投诉数", "Complaints", "件");
        builtIn("return_visits", "复诊数", "Return visits", "人次");
        builtIn("feedbacks", "闭环反馈数", "Outcome feedbacks", "次");
        builtIn("referrals_out", "转出人次", "Referrals out", "人次");
        builtIn("response_count", "响应对数", "Answered referrals", "对");
        builtIn("response_hours_sum", "响应小时之和", "Sum of response hours", "小时");
    }

    private static void builtIn(String key, String zh, String en, String unit) {
        BUILT_IN.put(key, new String[] {zh, en, unit});
    }

    private final StatisticMeasures statistics;
    private final AuditLog audit;

    MeasureCatalogue(StatisticMeasures statistics, AuditLog audit) {
        this.statistics = statistics;
        this.audit = audit;
    }

    /** The whole catalogue: built-in event measures, then {@code days}, then the hospital's own by code. */
    public List<CatalogueMeasure> list(Actor actor) {
        requireReader(actor);
        List<CatalogueMeasure> all = new ArrayList<>();
        for (Measure m : Measure.values()) {
            String[] n = BUILT_IN.get(m.key());
            all.add(new CatalogueMeasure(m.key(), CatalogueMeasure.Source.EVENT, n[0], n[1], n[2], Aggregation.SUM));
        }
        all.add(new CatalogueMeasure(MeasureTotals.DAYS, CatalogueMeasure.Source.DAYS, "天数", "Days", "天", null));
        for (StatisticMeasure s : statistics.all(actor.hospitalId())) {
            all.add(new CatalogueMeasure(s.code(), CatalogueMeasure.Source.STATISTIC, s.nameZh(), s.nameEn(),
                    s.unit(), s.aggregation()));
        }
        return all;
    }

    /** The hospital's statistic measures by code (what intake checks and evaluations aggregate). */
    public Map<String, StatisticMeasure> statistics(long hospitalId) {
        Map<String, StatisticMeasure> byCode = new LinkedHashMap<>();
        statistics.all(hospitalId).forEach(s -> byCode.put(s.code(), s));
        return byCode;
    }

    /** The codes of the hospital's statistic measures, what a formula may name beside the built-in ones. */
    public Set<String> statisticCodes(long hospitalId) {
        return statistics.all(hospitalId).stream().map(StatisticMeasure::code).collect(Collectors.toSet());
    }

    /** Whether a code is a built-in measure (an event measure or {@code days}). */
    public static boolean builtIn(String code) {
        return MeasureTotals.DAYS.equals(code) || Measure.byKey(code).isPresent();
    }

    /**
     * Defines a statistic measure. Field problems and a code that is a built-in measure are a 400 listing every
     * problem; a code the hospital already uses is a 409 ({@code urn:meridian:indicator:code-taken}).
     */
    @Transactional
    public StatisticMeasure define(Actor actor, NewStatisticMeasure submitted) {
        RefusedException.unless(actor.isSystem() || actor.has(Role.CHANNEL_MANAGER), "indicator", "measures-refused",
                "indicator.measure.problem.refused", actor.username() + " may not define measures");
        StatisticMeasure m;
        try {
            m = submitted.check();
        } catch (InvalidInputException e) {
            List<Problem> all = new ArrayList<>(e.problems());
            if (submitted.code() != null && builtIn(submitted.code().strip())) {
                all.add(Problem.of("code", "indicator.measure.error.builtIn", submitted.code().strip()));
            }
            throw new InvalidInputException("indicator", all);
        }
        if (builtIn(m.code())) {
            throw new InvalidInputException("indicator",
                    List.of(Problem.of("code", "indicator.measure.error.builtIn", m.code())));
        }
        if (!statistics.insert(actor.hospitalId(), m, actor.username())) {
            throw IndicatorConflictException.codeTaken(m.code());
        }
        // field names the audit page has words for ("unit" there is a department or institution)
        audit.record(actor.hospitalId(), actor.username(), "MEASURE_CREATED", m.code(),
                AuditLog.details("name", m.nameZh(), "measureUnit", m.unit(), "aggregation", m.aggregation().name()));
        return m;
    }

    private static void requireReader(Actor actor) {
        RefusedException.unless(actor.isSystem() || actor.has(Role.ANALYST), "indicator", "measures-refused",
                "indicator.measure.problem.refused", actor.username() + " may not read the measure catalogue");
    }
}
