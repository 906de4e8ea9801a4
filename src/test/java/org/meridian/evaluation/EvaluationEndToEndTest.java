package org.meridian.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Events go in through {@code POST /api/v1/events}, an evaluation runs, and every field of every scorecard is
 * checked against numbers computed here, from the events sent, with engine.md §2–4 written out afresh (not by
 * calling the engine or the rollups).
 */
@MeridianTest
class EvaluationEndToEndTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FROM = LocalDate.of(2026, 9, 1);
    private static final LocalDate TO = LocalDate.of(2026, 9, 30);
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static final String SCHEME = """
            {"indicators": [
               {"code": "REFERRAL_VOLUME", "weight": 20, "scoring": {"method": "LINEAR", "zero": 0, "full": 10}},
               {"code": "ACCEPTANCE_RATE", "weight": 10, "scoring": {"method": "BANDS", "bands": [[90, 100], [70, 80], [50, 60]]}},
               {"code": "ARRIVAL_RATE", "weight": 10, "scoring": {"method": "LINEAR", "zero": 50, "full": 100}},
               {"code": "RESPONSE_TIME", "weight": 15, "scoring": {"method": "BANDS", "bands": [[4, 100], [24, 80], [48, 60]]}},
               {"code": "SATISFACTION", "weight": 15, "scoring": {"method": "PEER_RANK"}},
               {"code": "COMPLAINT_RATE", "weight": 5, "scoring": {"method": "LINEAR", "zero": 200, "full": 0}},
               {"code": "REVENUE", "weight": 5, "scoring": {"method": "LINEAR", "zero": 0, "full": 2}}
             ],
             "tiers": [{"tier": "A", "minTotal": 85}, {"tier": "B", "minTotal": 70}, {"tier": "C", "minTotal": 55}]}""";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired EvaluationResults evaluations;
    @Autowired UserDetailsService accounts;

    record Sent(String eventId, String type, String channel, OffsetDateTime at, String referralId, BigDecimal value) {
        String json() {
            return "{\"eventId\": \"" + eventId + "\", \"type\": \"" + type + "\", \"channel\": \"" + channel
                    + "\", \"occurredAt\": \"" + at + "\"" + (referralId == null ? "" : ", \"referralId\": \""
                    + referralId + "\"") + (value == null ? "" : ", \"value\": " + value.toPlainString()) + "}";
        }

        LocalDate localDate() {
            return at.atZoneSameInstant(SHANGHAI).toLocalDate();
        }
    }

    @Test
    void everyScorecardFieldMatchesWhatTheRawEventsSay() throws Exception {
        TestHospital c = new TestHospital(mvc, users, hospitals);
        for (String code : List.of("A", "B", "C")) {
            c.channel(code, "REFERRAL_INSTITUTION", null, null);
        }
        c.channel("D", "REFERRAL_INSTITUTION", "PILOT", null);      // evaluable, no events
        c.channel("E", "REFERRAL_INSTITUTION", "PROSPECT", null);   // not evaluable
        c.channel("F", "EXAM_CENTER", null, null);                  // another unit type
        c.scheme("REFERRAL_INSTITUTION", SCHEME);

        List<Sent> sent = new ArrayList<>();
        Random random = new Random(20261124);
        // Shanghai is UTC+8: 2026-08-31T16:00Z is the first instant of the period
        OffsetDateTime start = OffsetDateTime.of(2026, 8, 28, 0, 0, 0, 0, ZoneOffset.UTC);
        int seq = 0;
        for (String ch : List.of("A", "B", "C", "E", "F")) {
            int referrals = 6 + random.nextInt(10);
            for (int i = 0; i < referrals; i++) {
                OffsetDateTime at = start.plusMinutes(15L * random.nextInt(4 * 24 * 38));
                String rid = "R" + ch + i;
                sent.add(new Sent("e" + seq++, "REFERRAL", ch, at, rid, null));
                if (random.nextInt(10) < 8) {
                    sent.add(new Sent("e" + seq++, "ACCEPTED", ch, at.plusMinutes(15L * random.nextInt(4 * 60))
                            .withOffsetSameInstant(ZoneOffset.ofHours(8)), rid, null));
                }
            }
            int others = 10 + random.nextInt(20);
            for (int i = 0; i < others; i++) {
                OffsetDateTime at = start.plusMinutes(15L * random.nextInt(4 * 24 * 38));
                String[] types = {"ARRIVED", "ARRIVED", "ARRIVED", "COMPLAINT", "REVENUE", "SURVEY", "SURVEY"};
                String type = types[random.nextInt(types.length)];
                BigDecimal value = switch (type) {
                    case "REVENUE" -> BigDecimal.valueOf(random.nextInt(1_500_000) - 100_000, 2);
                    case "SURVEY" -> BigDecimal.valueOf(1 + random.nextInt(5));
                    default -> null;
                };
                sent.add(new Sent("e" + seq++, type, ch, at, null, value));
            }
        }
        // boundaries: the first and last local minutes of September count, the ones around them do not
        sent.add(new Sent("edge1", "ARRIVED", "A", OffsetDateTime.parse("2026-08-31T16:00:00Z"), null, null));
        sent.add(new Sent("edge2", "ARRIVED", "A", OffsetDateTime.parse("2026-09-30T23:59:00+08:00"), null, null));
        sent.add(new Sent("edge3", "ARRIVED", "A", OffsetDateTime.parse("2026-08-31T23:59:00+08:00"), null, null));
        sent.add(new Sent("edge4", "ARRIVED", "A", OffsetDateTime.parse("2026-10-01T00:00:00+08:00"), null, null));
        // an August referral accepted in September: its acceptance and response time count in September
        sent.add(new Sent("late1", "REFERRAL", "B", OffsetDateTime.parse("2026-08-30T10:00:00+08:00"), "RLATE", null));
        sent.add(new Sent("late2", "ACCEPTED", "B", OffsetDateTime.parse("2026-09-01T10:00:00+08:00"), "RLATE", null));

        java.util.Collections.shuffle(sent, random);
        c.events("[" + String.join(",", sent.stream().map(Sent::json).toList()) + "]", sent.size());
        long id = c.run("2026-09", "REFERRAL_INSTITUTION");
        String answer = c.scorecards(c.analyst, id);

        Map<String, Expected> expected = expect(sent, List.of("A", "B", "C", "D"));
        List<Map<String, Object>> cards = JsonPath.read(answer, "$.items");
        assertThat(cards).extracting(m -> m.get("channel")).containsExactlyElementsOf(expected.keySet());
        assertThat(((Number) JsonPath.read(answer, "$.total")).intValue()).isEqualTo(4);
        for (Map<String, Object> card : cards) {
            Expected e = expected.get((String) card.get("channel"));
            String who = "channel " + e.channel();
            assertThat(decimal(card.get("total"))).as(who + " total").isEqualByComparingTo(e.total());
            assertThat(decimal(card.get("coverage"))).as(who + " coverage").isCloseTo(e.coverage(), within(TOL));
            assertThat(card.get("rank")).as(who + " rank").isEqualTo(e.rank());
            assertThat(card.get("tier")).as(who + " tier").isEqualTo(e.tier());
            List<Map<String, Object>> lines = (List<Map<String, Object>>) card.get("indicators");
            assertThat(lines).extracting(l -> l.get("code")).containsExactlyElementsOf(CODES);
            for (Map<String, Object> line : lines) {
                String code = (String) line.get("code");
                Line x = e.lines().get(code);
                assertThat(decimal(line.get("weight"))).as(who + " " + code + " weight").isEqualByComparingTo(WEIGHTS.get(code));
                close(line.get("value"), x.value(), who + " " + code + " value");
                close(line.get("score"), x.score(), who + " " + code + " score");
                close(line.get("peerMedian"), x.peerMedian(), who + " " + code + " peer median");
            }
        }
        // each scorecard keeps the measure totals it was scored from: every measure, 0 where no event counted
        Map<String, Map<String, BigDecimal>> measures = measures(sent, List.of("A", "B", "C", "D"));
        var frozen = evaluations.measureTotals(((MeridianUser) accounts.loadUserByUsername(c.analyst)).actor(), id);
        assertThat(frozen.keySet()).containsExactlyInAnyOrder("A", "B", "C", "D");
        frozen.forEach((channel, totals) -> {
            assertThat(totals.byKey().keySet()).as(channel).isEqualTo(MeasureTotals.keys());
            totals.byKey().forEach((key, value) -> {
                BigDecimal want = measures.get(channel).getOrDefault(key, BigDecimal.ZERO);
                assertThat(value).as(channel + " " + key).isCloseTo(want, within(TOL));
                if (!key.equals("response_hours_sum")) {
                    assertThat(value).as(channel + " " + key).isEqualByComparingTo(want);
                }
            });
        });
        assertThat(measures.get("A").get("arrivals")).isPositive();   // the check is not all zeros
        // a channel without events: volume 0 scores 0, every rate is "no data"
        Expected d = expected.get("D");
        assertThat(d.lines().get("REFERRAL_VOLUME").value()).isZero();
        assertThat(d.lines().get("ARRIVAL_RATE").value()).isNull();
        assertThat(d.total()).isEqualByComparingTo("0.00");
    }

    private static final BigDecimal TOL = new BigDecimal("0.0001");
    private static final List<String> CODES = List.of("REFERRAL_VOLUME", "ACCEPTANCE_RATE", "ARRIVAL_RATE",
            "RESPONSE_TIME", "SATISFACTION", "COMPLAINT_RATE", "REVENUE");
    private static final Map<String, BigDecimal> WEIGHTS = Map.of("REFERRAL_VOLUME", BigDecimal.valueOf(20),
            "ACCEPTANCE_RATE", BigDecimal.TEN, "ARRIVAL_RATE", BigDecimal.TEN, "RESPONSE_TIME", BigDecimal.valueOf(15),
            "SATISFACTION", BigDecimal.valueOf(15), "COMPLAINT_RATE", BigDecimal.valueOf(5), "REVENUE",
            BigDecimal.valueOf(5));

    record Line(BigDecimal value, BigDecimal score, BigDecimal peerMedian) {
    }

    record Expected(String channel, BigDecimal total, BigDecimal coverage, Integer rank, String tier,
                    Map<String, Line> lines) {
    }

    /** Measures of engine.md §2 over September's local dates, then §3–4, for the given channels. */
    static Map<String, Expected> expect(List<Sent> sent, List<String> channels) {
        Map<String, Map<String, BigDecimal>> m = measures(sent, channels);
        return scored(m, channels);
    }

    /** The measures of engine.md §2 over September's local dates that the events sent give each channel. */
    static Map<String, Map<String, BigDecimal>> measures(List<Sent> sent, List<String> channels) {
        Map<String, Map<String, BigDecimal>> m = new LinkedHashMap<>();
        channels.forEach(ch -> m.put(ch, new HashMap<>()));
        Map<String, Sent> referralOf = new HashMap<>();
        sent.stream().filter(s -> s.type().equals("REFERRAL")).forEach(s -> referralOf.put(s.referralId(), s));
        for (Sent s : sent) {
            Map<String, BigDecimal> x = m.get(s.channel());
            if (x == null || s.localDate().isBefore(FROM) || s.localDate().isAfter(TO)) {
                continue;
            }
            switch (s.type()) {
                case "REFERRAL" -> add(x, "referrals", BigDecimal.ONE);
                case "ACCEPTED" -> {
                    add(x, "accepted", BigDecimal.ONE);
                    Sent r = referralOf.get(s.referralId());
                    long minutes = java.time.Duration.between(r.at(), s.at()).toMinutes();
                    if (minutes >= 0) {
                        add(x, "response_count", BigDecimal.ONE);
                        add(x, "response_hours_sum", BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), MC));
                    }
                }
                case "ARRIVED" -> add(x, "arrivals", BigDecimal.ONE);
                case "COMPLAINT" -> add(x, "complaints", BigDecimal.ONE);
                case "REVENUE" -> add(x, "revenue", s.value());
                case "SURVEY" -> {
                    add(x, "survey_count", BigDecimal.ONE);
                    add(x, "survey_sum", s.value());
                    if (s.value().compareTo(BigDecimal.valueOf(4)) >= 0) {
                        add(x, "satisfied", BigDecimal.ONE);
                    }
                }
                default -> throw new IllegalStateException(s.type());
            }
        }
        return m;
    }

    /** §3–4 over the measures: values, scores, peer medians, totals, coverage, ranks and tiers. */
    private static Map<String, Expected> scored(Map<String, Map<String, BigDecimal>> m, List<String> channels) {
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        m.forEach((ch, x) -> {
            Function<String, BigDecimal> v = k -> x.getOrDefault(k, BigDecimal.ZERO);
            Map<String, BigDecimal> vs = new HashMap<>();
            vs.put("REFERRAL_VOLUME", v.apply("referrals"));
            vs.put("ACCEPTANCE_RATE", ratio(HUNDRED.multiply(v.apply("accepted")), v.apply("referrals")));
            vs.put("ARRIVAL_RATE", ratio(HUNDRED.multiply(v.apply("arrivals")), v.apply("referrals")));
            vs.put("RESPONSE_TIME", ratio(v.apply("response_hours_sum"), v.apply("response_count")));
            vs.put("SATISFACTION", ratio(HUNDRED.multiply(v.apply("satisfied")), v.apply("survey_count")));
            vs.put("COMPLAINT_RATE", ratio(BigDecimal.valueOf(1000).multiply(v.apply("complaints")), v.apply("arrivals")));
            vs.put("REVENUE", v.apply("revenue").divide(BigDecimal.valueOf(10000), MC));
            values.put(ch, vs);
        });
        Map<String, BigDecimal> medians = new HashMap<>();
        for (String code : CODES) {
            List<BigDecimal> nonNull = values.values().stream().map(vs -> vs.get(code))
                    .filter(java.util.Objects::nonNull).sorted().toList();
            int n = nonNull.size();
            medians.put(code, n == 0 ? null : n % 2 == 1 ? nonNull.get(n / 2)
                    : nonNull.get(n / 2 - 1).add(nonNull.get(n / 2)).divide(BigDecimal.valueOf(2), MC));
        }
        BigDecimal wholeWeight = WEIGHTS.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Expected> unranked = new ArrayList<>();
        for (String ch : channels) {
            Map<String, Line> lines = new LinkedHashMap<>();
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            for (String code : CODES) {
                BigDecimal v = values.get(ch).get(code);
                BigDecimal s = v == null ? null : score(code, v, values);
                if (s != null) {
                    weighted = weighted.add(WEIGHTS.get(code).multiply(s));
                    weights = weights.add(WEIGHTS.get(code));
                }
                lines.put(code, new Line(v, s, medians.get(code)));
            }
            BigDecimal total = weights.signum() == 0 ? null
                    : weighted.divide(weights, MC).setScale(2, RoundingMode.HALF_UP);
            String tier = total == null ? "UNRATED" : total.compareTo(BigDecimal.valueOf(85)) >= 0 ? "A"
                    : total.compareTo(BigDecimal.valueOf(70)) >= 0 ? "B"
                    : total.compareTo(BigDecimal.valueOf(55)) >= 0 ? "C" : "D";
            unranked.add(new Expected(ch, total, weights.divide(wholeWeight, MC), null, tier, lines));
        }
        Map<String, Expected> ranked = new LinkedHashMap<>();
        unranked.stream().map(e -> new Expected(e.channel(), e.total(), e.coverage(), e.total() == null ? null
                        : 1 + (int) unranked.stream().filter(o -> o.total() != null && o.total().compareTo(e.total()) > 0)
                        .count(), e.tier(), e.lines()))
                .sorted(Comparator.comparing(Expected::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Expected::channel))
                .forEach(e -> ranked.put(e.channel(), e));
        return ranked;
    }

    private static BigDecimal score(String code, BigDecimal v, Map<String, Map<String, BigDecimal>> values) {
        return switch (code) {
            case "REFERRAL_VOLUME" -> linear(v, BigDecimal.ZERO, BigDecimal.TEN);
            case "ARRIVAL_RATE" -> linear(v, BigDecimal.valueOf(50), HUNDRED);
            case "COMPLAINT_RATE" -> linear(v, BigDecimal.valueOf(200), BigDecimal.ZERO);
            case "REVENUE" -> linear(v, BigDecimal.ZERO, BigDecimal.valueOf(2));
            case "ACCEPTANCE_RATE" -> v.compareTo(BigDecimal.valueOf(90)) >= 0 ? HUNDRED
                    : v.compareTo(BigDecimal.valueOf(70)) >= 0 ? BigDecimal.valueOf(80)
                    : v.compareTo(BigDecimal.valueOf(50)) >= 0 ? BigDecimal.valueOf(60) : BigDecimal.ZERO;
            case "RESPONSE_TIME" -> v.compareTo(BigDecimal.valueOf(4)) <= 0 ? HUNDRED
                    : v.compareTo(BigDecimal.valueOf(24)) <= 0 ? BigDecimal.valueOf(80)
                    : v.compareTo(BigDecimal.valueOf(48)) <= 0 ? BigDecimal.valueOf(60) : BigDecimal.ZERO;
            case "SATISFACTION" -> {
                List<BigDecimal> peers = values.values().stream().map(vs -> vs.get(code))
                        .filter(java.util.Objects::nonNull).toList();
                int n = peers.size();
                if (n == 1) {
                    yield HUNDRED;
                }
                long worse = peers.stream().filter(p -> p.compareTo(v) < 0).count();
                long ties = peers.stream().filter(p -> p.compareTo(v) == 0).count() - 1;
                yield HUNDRED.multiply(BigDecimal.valueOf(worse).add(BigDecimal.valueOf(ties).multiply(new BigDecimal("0.5"))))
                        .divide(BigDecimal.valueOf(n - 1), MC);
            }
            default -> throw new IllegalStateException(code);
        };
    }

    private static BigDecimal linear(BigDecimal v, BigDecimal zero, BigDecimal full) {
        BigDecimal f = v.subtract(zero).divide(full.subtract(zero), MC);
        return HUNDRED.multiply(f.max(BigDecimal.ZERO).min(BigDecimal.ONE));
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.divide(b, MC);
    }

    private static void add(Map<String, BigDecimal> x, String measure, BigDecimal by) {
        x.merge(measure, by, BigDecimal::add);
    }

    private static BigDecimal decimal(Object json) {
        return json == null ? null : new BigDecimal(json.toString());
    }

    private static void close(Object actual, BigDecimal expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(decimal(actual)).as(what).isCloseTo(expected, within(TOL));
        }
    }
}
