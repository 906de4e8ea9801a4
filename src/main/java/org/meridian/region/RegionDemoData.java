package org.meridian.region;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.meridian.exam.AllianceRegistry;
import org.meridian.exam.ExamCatalogue;
import org.meridian.exam.ExamIntake;
import org.meridian.exam.ExamItem;
import org.meridian.exam.RawExam;
import org.meridian.channel.ChannelDraft;
import org.meridian.channel.ChannelRef;
import org.meridian.channel.ChannelRegistry;
import org.meridian.intake.EventIntake;
import org.meridian.intake.RawEvent;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.tenant.HospitalProfile;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a small demo region around the demo hospital (H001, described as a tertiary hospital of 城东区), five
 * further institutions marked as demo (two secondary hospitals and three primary-care institutions, names made up),
 * one alliance (示范城东医联体: H001 leading, with H002 and H004) and twelve months of exam records of the example
 * catalogue items before the demo clock's month, so that the regulator's workbench and the repeat figures show
 * something.
 *
 * <p>The records follow about 900 made-up patients (ids {@code DEMO-P-00001}…, pseudonymised on the way in like any
 * other): each has a first examination at one institution; about a third are examined again for the same item at
 * another institution 1 to 45 days later (a quarter of those with the exception 病情变化), and about one in ten again at
 * the same institution 2 to 10 days later; 5 % of records are not recognisable. Whether a second examination counts
 * as a repeat is the detection's to say (validity days and scope of the item).
 *
 * <p>The alliance's two-way referrals over the same twelve months ({@link #referrals}): H001 refers patients down to
 * H002 (about 25 a month) and H004 (about 40), through its first alliance-member channel; H002 (about 30) and H004
 * (about 20) refer patients up to H001, each through a channel {@code CH-H001} it registers for H001. The same every
 * time (fixed seed); made only while the region has no H002.
 */
@Component
@Order(80)
@ConditionalOnBooleanProperty("meridian.demo")
class RegionDemoData implements ApplicationRunner {

    record DemoInstitution(String code, String name, UnitType type, String level, String district, double weight) {
    }

    static final List<DemoInstitution> INSTITUTIONS = List.of(
            new DemoInstitution("H002", "示范市第二人民医院", UnitType.SECONDARY_HOSPITAL, "二级甲等", "城东区", 0.15),
            new DemoInstitution("H003", "示范市中医院", UnitType.SECONDARY_HOSPITAL, "二级甲等", "城西区", 0.10),
            new DemoInstitution("H004", "城东街道社区卫生服务中心", UnitType.PRIMARY_CARE, "未定级", "城东区", 0.15),
            new DemoInstitution("H005", "城西街道社区卫生服务中心", UnitType.PRIMARY_CARE, "未定级", "城西区", 0.15),
            new DemoInstitution("H006", "南湖镇卫生院", UnitType.PRIMARY_CARE, "未定级", "南湖区", 0.15));
    static final String DEMO_HOSPITAL = "H001";
    /** The demo region's name (the evaluation centre of {@link RegionCentreDemoData} is 示范市's), instead of 本区域. */
    static final String REGION_NAME = "示范市（演示）";
    static final double DEMO_HOSPITAL_WEIGHT = 0.30;
    static final int PATIENTS = 900;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Hospitals hospitals;
    private final HospitalCalendar calendar;
    private final AllianceRegistry alliances;
    private final ExamCatalogue catalogue;
    private final ExamIntake intake;
    private final ChannelRegistry channels;
    private final EventIntake events;

    RegionDemoData(Hospitals hospitals, HospitalCalendar calendar, AllianceRegistry alliances, ExamCatalogue catalogue,
                   ExamIntake intake, ChannelRegistry channels, EventIntake events) {
        this.channels = channels;
        this.events = events;
        this.hospitals = hospitals;
        this.calendar = calendar;
        this.alliances = alliances;
        this.catalogue = catalogue;
        this.intake = intake;
    }

    @Override
    public void run(ApplicationArguments args) {
        Hospital h001 = hospitals.findByCode(DEMO_HOSPITAL).orElse(null);
        if (h001 == null || hospitals.findByCode(INSTITUTIONS.get(0).code()).isPresent()) {
            return;
        }
        long region = hospitals.regionOf(h001.id());
        hospitals.nameRegion(region, REGION_NAME);
        hospitals.describe(h001.id(), UnitType.TERTIARY_HOSPITAL, "三级甲等", "城东区");
        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put(DEMO_HOSPITAL, h001.id());
        for (DemoInstitution d : INSTITUTIONS) {
            HospitalProfile h = hospitals.create(region, d.code(), d.name(), h001.timeZone(), d.type(), d.level(),
                    d.district(), true);
            ids.put(d.code(), h.id());
        }
        Actor system = Actor.system(h001.id(), "region-demo");
        alliances.create(system, "DEMO-EAST", "示范城东医联体", DEMO_HOSPITAL, List.of("H002", "H004"));
        referOut(ids, h001, calendar.today(h001.id()).withDayOfMonth(1));
        List<ExamItem> items = catalogue.items(system).stream().filter(ExamItem::example).toList();
        if (items.isEmpty()) {
            return;
        }
        Map<String, List<RawExam>> byHospital = records(items, calendar.today(h001.id()).withDayOfMonth(1));
        byHospital.forEach((code, rows) -> {
            Actor sender = Actor.system(ids.get(code), "region-demo");
            for (int from = 0; from < rows.size(); from += ExamIntake.MAX_ROWS) {
                intake.record(sender, rows.subList(from, Math.min(rows.size(), from + ExamIntake.MAX_ROWS)), from);
            }
        });
    }

    /** Mean referrals out a month, from → to, in the demo alliance. */
    static final List<String[]> REFERRAL_FLOWS = List.of(new String[] {"H001", "H002", "25"},
            new String[] {"H001", "H004", "40"}, new String[] {"H002", "H001", "30"},
            new String[] {"H004", "H001", "20"});

    private void referOut(Map<String, Long> ids, Hospital h001, LocalDate firstOfMonth) {
        Actor lead = Actor.system(h001.id(), "region-demo");
        String leadChannel = channels.evaluable(lead, UnitType.ALLIANCE_MEMBER).stream().map(ChannelRef::code)
                .sorted().findFirst().orElse(null);
        Map<String, String> channelOf = new LinkedHashMap<>();
        channelOf.put(DEMO_HOSPITAL, leadChannel);
        for (String member : List.of("H002", "H004")) {
            channels.register(Actor.system(ids.get(member), "region-demo"), new ChannelDraft("CH-H001", h001.name(),
                    UnitType.ALLIANCE_MEMBER.name(), "STRATEGIC", "ACTIVE", null, null, null, null, null, null, null,
                    "示范城东医联体牵头医院（演示）"));
            channelOf.put(member, "CH-H001");
        }
        if (leadChannel == null) {
            return;
        }
        referrals(firstOfMonth).forEach((from, rows) -> {
            List<RawEvent> withChannel = rows.stream().map(e -> RawEvent.of(e.eventId(), e.type(), channelOf.get(from),
                    e.occurredAt(), null, null, null, e.attributes())).toList();
            events.record(Actor.system(ids.get(from), "region-demo"), withChannel, 0, EventIntake.Source.API, null);
        });
    }

    /**
     * The demo alliance's REFERRAL_OUT events by the referring hospital over the 12 months before
     * {@code firstOfMonth}: per flow and month a count around its mean (± 30 %), on random days between 8:00 and
     * 17:00; the channel is filled in by the caller.
     */
    static Map<String, List<RawEvent>> referrals(LocalDate firstOfMonth) {
        Random random = new Random(164);
        Map<String, List<RawEvent>> out = new LinkedHashMap<>();
        int seq = 0;
        for (int m = 12; m >= 1; m--) {
            LocalDate month = firstOfMonth.minusMonths(m);
            for (String[] flow : REFERRAL_FLOWS) {
                int mean = Integer.parseInt(flow[2]);
                int n = (int) Math.round(mean * (0.7 + 0.6 * random.nextDouble()));
                for (int i = 0; i < n; i++) {
                    LocalDateTime at = month.plusDays(random.nextInt(month.lengthOfMonth()))
                            .atTime(8 + random.nextInt(9), random.nextInt(60));
                    seq++;
                    out.computeIfAbsent(flow[0], k -> new ArrayList<>()).add(RawEvent.of(
                            "DEMO-RO-%s-%05d".formatted(flow[0], seq), "REFERRAL_OUT", null,
                            at.atOffset(ZoneOffset.ofHours(8)).format(AT), null, null, null, Map.of("to", flow[1])));
                }
            }
        }
        return out;
    }

    /** The demo's exam records by the institution that performed them, over the 12 months before {@code firstOfMonth}. */
    static Map<String, List<RawExam>> records(List<ExamItem> items, LocalDate firstOfMonth) {
        Random random = new Random(16);
        LocalDate start = firstOfMonth.minusMonths(12);
        int days = (int) (firstOfMonth.toEpochDay() - start.toEpochDay());
        List<String> codes = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        codes.add(DEMO_HOSPITAL);
        weights.add(DEMO_HOSPITAL_WEIGHT);
        INSTITUTIONS.forEach(i -> {
            codes.add(i.code());
            weights.add(i.weight());
        });
        Map<String, List<RawExam>> out = new LinkedHashMap<>();
        codes.forEach(c -> out.put(c, new ArrayList<>()));
        int[] seq = {0};
        for (int p = 1; p <= PATIENTS; p++) {
            String patient = "DEMO-P-%05d".formatted(p);
            ExamItem item = items.get(random.nextInt(items.size()));
            String first = pick(codes, weights, random);
            LocalDateTime at = start.plusDays(random.nextInt(days)).atTime(8 + random.nextInt(9), 0);
            add(out, firstOfMonth, seq, first, patient, item, at, random, null);
            if (random.nextDouble() < 0.35) {
                String other = first;
                while (other.equals(first)) {
                    other = pick(codes, weights, random);
                }
                LocalDateTime later = at.plusDays(1 + random.nextInt(45)).withHour(8 + random.nextInt(9));
                add(out, firstOfMonth, seq, other, patient, item, later, random, random.nextDouble() < 0.25 ? "CONDITION_CHANGED"
                        : null);
            }
            if (random.nextDouble() < 0.10) {
                add(out, firstOfMonth, seq, first, patient, item, at.plusDays(2 + random.nextInt(9)), random, null);
            }
        }
        return out;
    }

    private static void add(Map<String, List<RawExam>> out, LocalDate end, int[] seq, String institution, String patient,
                            ExamItem item, LocalDateTime at, Random random, String exception) {
        boolean recognisable = random.nextDouble() >= 0.05;
        if (!at.toLocalDate().isBefore(end)) {
            return; // a later examination that would fall in the demo clock's month or after is left out
        }
        seq[0]++;
        out.get(institution).add(new RawExam("DEMO-%s-%05d".formatted(institution, seq[0]), institution, patient,
                item.code(), at.atOffset(ZoneOffset.ofHours(8)).format(AT), String.valueOf(recognisable), exception));
    }

    private static String pick(List<String> codes, List<Double> weights, Random random) {
        double r = random.nextDouble();
        for (int i = 0; i < codes.size(); i++) {
            r -= weights.get(i);
            if (r < 0) {
                return codes.get(i);
            }
        }
        return codes.get(codes.size() - 1);
    }
}
