package org.meridian.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.meridian.channel.ChannelQuery;
import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.channel.ChannelStatus;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: 24 months of events, up to yesterday in the hospital's time zone, for the demo channels
 * (every status but PROSPECT), recorded through {@link EventIntake#record} exactly like an API batch.
 * Referrals follow a working-week rhythm (fewer at weekends), the seasons, the Spring Festival (春节) dip
 * and the National Day week; some channels grow and some decline. One platform sends a burst of suspicious
 * referrals in one recent week that almost never arrive, and one community channel has gone quiet (no
 * event in the last 6 weeks). The same every time (fixed seed); runs only while the hospital has no event.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("meridian.demo")
class IntakeDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IntakeDemoData.class);
    private static final long SEED = 20261124L;
    static final int BATCH = 5_000;
    static final String ACTOR = "demo";
    /**
     * Spring Festival (春节, the first day of the first lunar month) from 2020 to 2040, so that a demo started
     * any day up to 2040 shows the dip. Published dates, from the Hong Kong Observatory's Gregorian-Lunar Calendar
     * Conversion Table (公历与农历日期对照表, www.hko.gov.hk/en/gts/time/conversion.htm). Extend it before 2040.
     */
    static final List<LocalDate> SPRING_FESTIVALS = List.of(
            LocalDate.of(2020, 1, 25), LocalDate.of(2021, 2, 12), LocalDate.of(2022, 2, 1), LocalDate.of(2023, 1, 22),
            LocalDate.of(2024, 2, 10), LocalDate.of(2025, 1, 29), LocalDate.of(2026, 2, 17), LocalDate.of(2027, 2, 6),
            LocalDate.of(2028, 1, 26), LocalDate.of(2029, 2, 13), LocalDate.of(2030, 2, 3), LocalDate.of(2031, 1, 23),
            LocalDate.of(2032, 2, 11), LocalDate.of(2033, 1, 31), LocalDate.of(2034, 2, 19), LocalDate.of(2035, 2, 8),
            LocalDate.of(2036, 1, 28), LocalDate.of(2037, 2, 15), LocalDate.of(2038, 2, 4), LocalDate.of(2039, 1, 24),
            LocalDate.of(2040, 2, 12));
    private static final double[] MONTH = {1.0, 1.0, 1.1, 1.1, 1.05, 1.0, 0.92, 0.92, 1.05, 0.95, 1.05, 1.0};

    private final EventIntake intake;
    private final ChannelRegistry registry;
    private final Hospitals hospitals;
    private final JdbcClient jdbc;
    private final Clock clock;

    IntakeDemoData(EventIntake intake, ChannelRegistry registry, Hospitals hospitals, JdbcClient jdbc, Clock clock) {
        this.intake = intake;
        this.registry = registry;
        this.hospitals = hospitals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The senders and the plan of the last load, as they were then (a day or a status may change after it). */
    record Loaded(List<ChannelRef> senders, Plan plan) {
    }

    private volatile Loaded loaded;

    /** What the last load of this run used; null when this run loaded nothing. */
    Loaded loaded() {
        return loaded;
    }

    /** Which channels play the special parts, and when. */
    record Plan(LocalDate first, LocalDate last, ChannelRef burst, LocalDate burstFrom, ChannelRef quiet,
                LocalDate quietFrom) {

        LocalDate burstTo() {
            return burstFrom.plusDays(6);
        }
    }

    /**
     * The plan for these channels when today is {@code today}: events from the same day two years ago to
     * yesterday; the burst in the 7 days starting 20 days ago at the first active health platform; the
     * quiet channel is the first active community health channel after CH-001 (the demo partner's).
     */
    static Plan plan(List<ChannelRef> channels, LocalDate today) {
        LocalDate last = today.minusDays(1);
        ChannelRef burst = channels.stream()
                .filter(c -> c.type() == UnitType.HEALTH_PLATFORM && c.status() == ChannelStatus.ACTIVE)
                .findFirst().orElse(null);
        ChannelRef quiet = channels.stream()
                .filter(c -> c.type() == UnitType.COMMUNITY_HEALTH && c.status() == ChannelStatus.ACTIVE
                        && !c.code().equals("CH-001"))
                .findFirst().orElse(null);
        return new Plan(today.minusYears(2), last, burst, last.minusDays(19), quiet, today.minusWeeks(6));
    }

    /** The channels that send events: all but prospects, by code. */
    static List<ChannelRef> senders(ChannelRegistry registry, long hospitalId) {
        return registry.search(Actor.system(hospitalId, "intake-demo"), ChannelQuery.all(0, 1000)).items().stream()
                .map(c -> c.ref())
                .filter(c -> c.status() != ChannelStatus.PROSPECT)
                .sorted(Comparator.comparing(ChannelRef::code))
                .toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        Hospital hospital = hospitals.all().get(0);
        long h = hospital.id();
        boolean any = jdbc.sql("SELECT EXISTS (SELECT 1 FROM intake_event WHERE hospital_id = ?)")
                .param(h).query(Boolean.class).single();
        if (any) {
            return;
        }
        List<ChannelRef> channels = senders(registry, h);
        if (channels.isEmpty()) {
            return;
        }
        ZoneId zone = hospital.timeZone();
        long started = System.nanoTime();
        Plan plan = plan(channels, LocalDate.now(clock.withZone(zone)));
        loaded = new Loaded(channels, plan);
        List<RawEvent> events = generate(channels, plan, zone);
        int accepted = 0;
        for (int from = 0; from < events.size(); from += BATCH) {
            List<RawEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            accepted += intake.record(Actor.system(h, ACTOR), batch, from, EventIntake.Source.API, null).accepted();
        }
        log.info("Demo events: {} of {} recorded in {} ms", accepted, events.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Every demo event, in time order. */
    static List<RawEvent> generate(List<ChannelRef> channels, Plan plan, ZoneId zone) {
        Random random = new Random(SEED);
        List<Timed> out = new ArrayList<>();
        Generator g = new Generator(random, zone, plan, out);
        for (int i = 0; i < channels.size(); i++) {
            g.channel(channels.get(i), i);
        }
        out.sort(Comparator.comparing(Timed::at).thenComparing(t -> t.event().eventId()));
        return out.stream().map(Timed::event).toList();
    }

    private record Timed(Instant at, RawEvent event) {
    }

    /** Draws the events of one channel after another from one random sequence. */
    private static final class Generator {
        private final Random random;
        private final ZoneId zone;
        private final Plan plan;
        private final List<Timed> out;
        private int referralSeq;
        private int eventSeq;
        private int patientSeq = 100_000;

        Generator(Random random, ZoneId zone, Plan plan, List<Timed> out) {
            this.random = random;
            this.zone = zone;
            this.plan = plan;
            this.out = out;
        }

        void channel(ChannelRef c, int index) {
            double base = switch (c.type()) {
                case EXAM_CENTER -> 1.4;
                case COMMUNITY_HEALTH -> 0.8;
                case REFERRAL_INSTITUTION -> 1.1;
                case HEALTH_PLATFORM -> 1.2;
                case ALLIANCE_MEMBER -> 0.7;
                case OTHER -> 0.35;
                default -> throw new IllegalStateException("not a channel type: " + c.type());
            } * (0.45 + random.nextDouble() * 0.6);
            // every third channel grows, every fifth declines, the rest drift a little
            double growth = index % 3 == 0 ? 0.35 + random.nextDouble() * 0.3
                    : index % 5 == 1 ? -(0.25 + random.nextDouble() * 0.2) : random.nextDouble() * 0.2 - 0.1;
            double acceptRate = 0.88 + random.nextDouble() * 0.1;
            double meanResponseHours = 2 + random.nextDouble() * 30;
            double arrivalRate = 0.55 + random.nextDouble() * 0.3;
            double conversionRate = 0.15 + random.nextDouble() * 0.25;
            double quality = random.nextDouble();
            double years = ChronoUnit.DAYS.between(plan.first(), plan.last()) / 365.0;
            for (LocalDate d = plan.first(); !d.isAfter(plan.last()); d = d.plusDays(1)) {
                double t = ChronoUnit.DAYS.between(plan.first(), d) / 365.0 - years / 2;
                double rate = base * Math.exp(growth * t) * weekday(d) * MONTH[d.getMonthValue() - 1] * holiday(d);
                int n = poisson(rate);
                for (int k = 0; k < n; k++) {
                    referral(c, d, acceptRate, meanResponseHours, arrivalRate, conversionRate, quality);
                }
                if (c.equals(plan.burst()) && !d.isBefore(plan.burstFrom()) && !d.isAfter(plan.burstTo())) {
                    int extra = 22 + random.nextInt(10);
                    for (int k = 0; k < extra; k++) {
                        referral(c, d, 0.9, 3, 0.01, 0, 0.5);
                    }
                }
            }
        }

        private void referral(ChannelRef c, LocalDate day, double acceptRate, double meanResponseHours,
                              double arrivalRate, double conversionRate, double quality) {
            String referralId = "DR-" + (++referralSeq);
            String patient = "P" + (++patientSeq);
            Instant referred = at(day, 8 + random.nextInt(12));
            emit(c, "REFERRAL", referred, referralId, patient, null, null);
            if (random.nextDouble() < acceptRate) {
                double hours = 0.25 + -Math.log(1 - random.nextDouble()) * meanResponseHours;
                emit(c, "ACCEPTED", referred.plusSeconds((long) (hours * 3600)), referralId, patient, null, null);
            } else {
                return;
            }
            if (random.nextDouble() >= arrivalRate) {
                return;
            }
            LocalDate arrivalDay = day.plusDays(1 + random.nextInt(10));
            Instant arrived = at(arrivalDay, 8 + random.nextInt(9));
            emit(c, "ARRIVED", arrived, null, patient, null, null);
            if (random.nextDouble() < 0.9) {
                BigDecimal amount = BigDecimal.valueOf(200 + random.nextInt(2800));
                emit(c, "REVENUE", arrived.plusSeconds(1800), null, patient, amount, null);
                if (random.nextDouble() < 0.01) {
                    emit(c, "REVENUE", at(arrivalDay.plusDays(2 + random.nextInt(10)), 10), null, patient,
                            amount.negate(), Map.of("reason", "refund"));
                }
            }
            if (random.nextDouble() < conversionRate) {
                Instant converted = at(arrivalDay.plusDays(random.nextInt(5)), 9 + random.nextInt(8));
                emit(c, "CONVERTED", converted, null, patient, null, null);
                emit(c, "REVENUE", converted.plusSeconds(3600), null, patient,
                        BigDecimal.valueOf(5_000 + random.nextInt(25_000)), null);
            }
            if (random.nextDouble() < 0.35) {
                int score = quality > 0.2 ? (random.nextDouble() < 0.6 + quality * 0.3 ? 5 : 3 + random.nextInt(2))
                        : 1 + random.nextInt(5);
                Map<String, String> attributes = random.nextDouble() < 0.8
                        ? Map.of("recommend", String.valueOf(Math.min(10, Math.max(0, score * 2 + random.nextInt(3) - 1))))
                        : Map.of();
                emit(c, "SURVEY", arrived.plusSeconds(86_400 + random.nextInt(86_400)), null, patient,
                        BigDecimal.valueOf(score), attributes);
            }
            if (random.nextDouble() < (quality < 0.2 ? 0.04 : 0.008)) {
                emit(c, "COMPLAINT", arrived.plusSeconds(3 * 86_400), null, patient, null, null);
            }
            if (random.nextDouble() < 0.25) {
                emit(c, "RETURN_VISIT", at(arrivalDay.plusDays(14 + random.nextInt(46)), 8 + random.nextInt(9)),
                        null, patient, null, null);
            }
            if (random.nextDouble() < 0.4 + quality * 0.5) {
                emit(c, "FEEDBACK", at(arrivalDay.plusDays(1 + random.nextInt(7)), 15), null, patient, null, null);
            }
        }

        /** Keeps an event unless it falls after yesterday or in the quiet channel's silence. */
        private void emit(ChannelRef c, String type, Instant at, String referralId, String patient, BigDecimal value,
                          Map<String, String> attributes) {
            LocalDate day = at.atZone(zone).toLocalDate();
            if (day.isAfter(plan.last()) || (c.equals(plan.quiet()) && !day.isBefore(plan.quietFrom()))) {
                return;
            }
            String eventId = "demo-" + (++eventSeq);
            out.add(new Timed(at, RawEvent.of(eventId, type, c.code(), at.toString(), referralId, patient, value,
                    attributes)));
        }

        private Instant at(LocalDate day, int hour) {
            return day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(zone).toInstant();
        }

        private int poisson(double mean) {
            double limit = Math.exp(-mean);
            double p = random.nextDouble();
            int n = 0;
            while (p > limit) {
                p *= random.nextDouble();
                n++;
            }
            return n;
        }
    }

    /** Fewer referrals at weekends. */
    static double weekday(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return switch (w) {
            case MONDAY -> 1.15;
            case SATURDAY -> 0.5;
            case SUNDAY -> 0.35;
            default -> 1.0;
        };
    }

    /** The Spring Festival dip (from 10 days before to 14 days after) and the National Day week. */
    static double holiday(LocalDate d) {
        for (LocalDate festival : SPRING_FESTIVALS) {
            long k = ChronoUnit.DAYS.between(festival, d);
            if (k >= -10 && k < -3) {
                return 0.7;
            }
            if (k >= -3 && k < 0) {
                return 0.4;
            }
            if (k >= 0 && k <= 6) {
                return 0.15;
            }
            if (k >= 7 && k <= 14) {
                return 0.6;
            }
        }
        if (d.getMonthValue() == 10 && d.getDayOfMonth() <= 7) {
            return 0.45;
        }
        return 1.0;
    }
}
