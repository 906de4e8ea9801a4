package org.meridian.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.meridian.indicator.Measure;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a few thousand random events through the API in shuffled batches, re-sends some, voids some, and
 * checks the rollup totals of every channel and measure against sums computed here from the raw events.
 */
@MeridianTest
class RollupEndToEndTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String[] TYPES = {"ARRIVED", "CONVERTED", "REVENUE", "SURVEY", "COMPLAINT", "RETURN_VISIT", "FEEDBACK"};
    static final ZoneOffset[] OFFSETS = {ZoneOffset.ofHours(8), ZoneOffset.UTC, ZoneOffset.ofHours(-5)};

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired TestChannels channels;
    @Autowired EventIntake intake;
    @Autowired JsonMapper json;

    record Sent(String eventId, String type, String channel, Instant at, String referralId, BigDecimal value,
                String recommend) {
    }

    @Test
    void rollupTotalsEqualSumsOfTheRawEventsSent() throws Exception {
        String p = "e2e" + UUID.randomUUID().toString().substring(0, 6) + "-";
        long hospital = users.firstHospital().id();
        String manager = users.create(Role.CHANNEL_MANAGER);
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String c : List.of("A", "B", "C")) {
            ids.put(p + c, channels.create(hospital, p + c));
        }
        List<String> codes = new ArrayList<>(ids.keySet());
        Random random = new Random(20261124);
        Instant start = Instant.parse("2026-08-31T16:00:00Z"); // 2026-09-01 00:00 in Shanghai
        long window = Duration.ofDays(61).toSeconds();

        List<Sent> events = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            String code = codes.get(random.nextInt(codes.size()));
            Instant at = start.plusSeconds(random.nextLong(window));
            String type = TYPES[random.nextInt(TYPES.length)];
            BigDecimal value = null;
            String recommend = null;
            if (type.equals("REVENUE")) {
                value = BigDecimal.valueOf(random.nextInt(200_000) - 40_000, 2); // some refunds
            } else if (type.equals("SURVEY")) {
                value = BigDecimal.valueOf(1 + random.nextInt(5));
                recommend = random.nextBoolean() ? String.valueOf(random.nextInt(11)) : null;
            }
            events.add(new Sent(p + "x" + i, type, code, at, null, value, recommend));
        }
        for (int i = 0; i < 250; i++) {
            String code = codes.get(random.nextInt(codes.size()));
            Instant referral = start.plusSeconds(random.nextLong(window - 200_000));
            events.add(new Sent(p + "r" + i, "REFERRAL", code, referral, p + "R" + i, null, null));
            if (random.nextInt(10) < 8) {
                // mostly later, sometimes earlier (not counted), sometimes naming another channel
                Instant accepted = referral.plusSeconds(random.nextInt(180_000) - 10_000);
                String acceptedChannel = random.nextInt(10) == 0 ? codes.get(random.nextInt(codes.size())) : code;
                events.add(new Sent(p + "a" + i, "ACCEPTED", acceptedChannel, accepted, p + "R" + i, null, null));
            }
        }
        Collections.shuffle(events, random);
        for (int from = 0; from < events.size(); from += 250) {
            List<Sent> batch = events.subList(from, Math.min(events.size(), from + 250));
            mvc.perform(post("/api/v1/events").with(httpBasic(manager, TestUsers.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content(body(batch, random)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.accepted").value(batch.size()))
                    .andExpect(jsonPath("$.rejected.length()").value(0));
        }
        // a re-sent batch changes nothing
        mvc.perform(post("/api/v1/events").with(httpBasic(manager, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body(events.subList(0, 300), random)))
                .andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(300));
        // void a tenth, pair members included
        List<Sent> live = new ArrayList<>();
        for (Sent e : events) {
            if (random.nextInt(10) == 0) {
                mvc.perform(delete("/api/v1/events/" + e.eventId()).param("reason", "test void")
                        .with(httpBasic(manager, TestUsers.PASSWORD))).andExpect(status().isNoContent());
            } else {
                live.add(e);
            }
        }

        for (String[] period : new String[][]{{"2026-09-01", "2026-09-30"}, {"2026-10-01", "2026-10-31"},
                {"2026-09-15", "2026-10-15"}, {"2026-08-01", "2026-12-31"}}) {
            LocalDate from = LocalDate.parse(period[0]);
            LocalDate to = LocalDate.parse(period[1]);
            Map<String, Map<Measure, BigDecimal>> expected = expectedTotals(live, from, to);
            Map<Long, Map<Measure, BigDecimal>> actual = intake.totals(hospital, from, to);
            for (String code : codes) {
                Map<Measure, BigDecimal> want = expected.getOrDefault(code, Map.of());
                Map<Measure, BigDecimal> got = actual.getOrDefault(ids.get(code), Map.of());
                for (Measure m : Measure.values()) {
                    assertThat(got.getOrDefault(m, BigDecimal.ZERO))
                            .as("%s %s %s..%s", code, m.key(), from, to)
                            .isEqualByComparingTo(want.getOrDefault(m, BigDecimal.ZERO));
                }
            }
        }
        assertThat(intake.checkRollups(hospital)).isEmpty();
    }

    private String body(List<Sent> batch, Random random) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Sent e : batch) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("eventId", e.eventId());
            row.put("type", e.type());
            row.put("channel", e.channel());
            // the same instant written with one of several offsets
            row.put("occurredAt", OffsetDateTime.ofInstant(e.at(), OFFSETS[Math.floorMod(e.eventId().hashCode(), 3)]).toString());
            if (e.referralId() != null) {
                row.put("referralId", e.referralId());
            }
            if (e.value() != null) {
                row.put("value", e.value());
            }
            if (e.recommend() != null) {
                row.put("attributes", Map.of("recommend", e.recommend()));
            }
            rows.add(row);
        }
        return json.writeValueAsString(rows);
    }

    /** engine.md §2 applied directly to the list of live events. */
    private static Map<String, Map<Measure, BigDecimal>> expectedTotals(List<Sent> live, LocalDate from, LocalDate to) {
        Map<String, Map<Measure, BigDecimal>> sums = new HashMap<>();
        Map<String, Sent> referrals = new HashMap<>();
        Map<String, Sent> accepted = new HashMap<>();
        for (Sent e : live) {
            if (e.type().equals("REFERRAL")) {
                referrals.put(e.referralId(), e);
            } else if (e.type().equals("ACCEPTED")) {
                accepted.put(e.referralId(), e);
            }
            LocalDate date = e.at().atZone(SHANGHAI).toLocalDate();
            if (date.isBefore(from) || date.isAfter(to)) {
                continue;
            }
            Map<Measure, BigDecimal> s = sums.computeIfAbsent(e.channel(), c -> new EnumMap<>(Measure.class));
            switch (e.type()) {
                case "REFERRAL" -> add(s, Measure.REFERRALS, BigDecimal.ONE);
                case "ACCEPTED" -> add(s, Measure.ACCEPTED, BigDecimal.ONE);
                case "ARRIVED" -> add(s, Measure.ARRIVALS, BigDecimal.ONE);
                case "CONVERTED" -> add(s, Measure.CONVERSIONS, BigDecimal.ONE);
                case "REVENUE" -> add(s, Measure.REVENUE, e.value());
                case "COMPLAINT" -> add(s, Measure.COMPLAINTS, BigDecimal.ONE);
                case "RETURN_VISIT" -> add(s, Measure.RETURN_VISITS, BigDecimal.ONE);
                case "FEEDBACK" -> add(s, Measure.FEEDBACKS, BigDecimal.ONE);
                case "SURVEY" -> {
                    add(s, Measure.SURVEY_COUNT, BigDecimal.ONE);
                    add(s, Measure.SURVEY_SUM, e.value());
                    if (e.value().intValue() >= 4) {
                        add(s, Measure.SATISFIED, BigDecimal.ONE);
                    }
                    if (e.recommend() != null) {
                        int r = Integer.parseInt(e.recommend());
                        add(s, Measure.NPS_COUNT, BigDecimal.ONE);
                        add(s, Measure.PROMOTERS, r >= 9 ? BigDecimal.ONE : BigDecimal.ZERO);
                        add(s, Measure.DETRACTORS, r <= 6 ? BigDecimal.ONE : BigDecimal.ZERO);
                    }
                }
                default -> throw new IllegalStateException(e.type());
            }
        }
        for (Map.Entry<String, Sent> r : referrals.entrySet()) {
            Sent a = accepted.get(r.getKey());
            if (a == null || a.at().isBefore(r.getValue().at())) {
                continue;
            }
            LocalDate date = a.at().atZone(SHANGHAI).toLocalDate();
            if (date.isBefore(from) || date.isAfter(to)) {
                continue;
            }
            Map<Measure, BigDecimal> s = sums.computeIfAbsent(r.getValue().channel(), c -> new EnumMap<>(Measure.class));
            add(s, Measure.RESPONSE_COUNT, BigDecimal.ONE);
            long seconds = Duration.between(r.getValue().at(), a.at()).toSeconds();
            add(s, Measure.RESPONSE_HOURS_SUM, BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP));
        }
        return sums;
    }

    private static void add(Map<Measure, BigDecimal> s, Measure m, BigDecimal v) {
        s.merge(m, v, BigDecimal::add);
    }
}
