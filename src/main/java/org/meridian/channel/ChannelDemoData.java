package org.meridian.channel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.shared.tenant.FirstStart;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.HospitalCalendar;
import org.meridian.shared.tenant.Hospitals;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only: 60 channels of every type around 杭州 (names, contacts and phone numbers invented),
 * with cooperation levels, first tiers (the evaluated tiers, and the downgrades they bring, follow with the demo
 * evaluations: {@code DemoEvaluations}), a few contracts about to end; and the channel user {@code partner} bound to
 * CH-001. The same every time
 * (fixed seed); created only when the demo hospital has no channel yet. Changes are made as the demo
 * channel office ({@code office}) so that the trail reads like real work.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("meridian.demo")
class ChannelDemoData implements ApplicationRunner {

    static final String PARTNER = "partner";
    private static final long SEED = 20261124L;

    private static final String[][] REGIONS = {
            {"杭州市", "西湖区", "北山街道"}, {"杭州市", "西湖区", "灵隐街道"}, {"杭州市", "西湖区", "西溪街道"},
            {"杭州市", "西湖区", "翠苑街道"}, {"杭州市", "上城区", "湖滨街道"}, {"杭州市", "上城区", "清波街道"},
            {"杭州市", "上城区", "小营街道"}, {"杭州市", "拱墅区", "米市巷街道"}, {"杭州市", "拱墅区", "湖墅街道"},
            {"杭州市", "拱墅区", "大关街道"}, {"杭州市", "滨江区", "西兴街道"}, {"杭州市", "滨江区", "长河街道"},
            {"杭州市", "滨江区", "浦沿街道"}, {"杭州市", "余杭区", "五常街道"}, {"杭州市", "余杭区", "闲林街道"},
            {"杭州市", "余杭区", "仓前街道"}, {"杭州市", "萧山区", "城厢街道"}, {"杭州市", "萧山区", "北干街道"},
            {"绍兴市", "越城区", "府山街道"}, {"湖州市", "吴兴区", "爱山街道"}};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"敏", "静", "伟", "芳", "磊", "洁", "涛", "丽", "军", "燕", "强", "霞", "晨",
            "婷", "浩", "雪", "宇", "倩", "斌", "琳"};
    private static final String[] EXAM_BRANDS = {"瑞康", "安和", "禾悦", "泽安", "颐宁", "康途", "惠仁", "澄心", "嘉禾",
            "博然"};
    private static final String[] HOSPITAL_NAMES = {"仁和医院", "安济医院", "同和医院", "惠民骨科医院", "康桥妇产医院",
            "明眸眼科医院", "润泽口腔医院", "济世中医院", "博爱康复医院", "景和心血管医院", "安平肿瘤医院", "德济儿童医院"};
    private static final String[] PLATFORMS = {"康云健康管理平台", "医路通互联网医院", "小鹿健康", "安心问诊",
            "健步企业健康管理", "云上家医", "乐龄健康管理", "禾苗母婴健康"};
    private static final String[] TOWNS = {"临溪镇中心卫生院", "青山镇中心卫生院", "白鹭镇卫生院", "桐坞中心卫生院",
            "松岭镇卫生院", "梅溪镇中心卫生院", "龙坞卫生院", "双浦镇中心卫生院"};
    private static final String[] OTHERS = {"银杏颐养院", "和悦养老服务中心", "星辰保险健康服务部", "启航职业技术学校医务室"};

    private final ChannelRegistry registry;
    private final ChannelLifecycle lifecycle;
    private final TierChangeWorkflow tierChanges;
    private final Channels channels;
    private final Hospitals hospitals;
    private final HospitalCalendar calendar;
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    ChannelDemoData(ChannelRegistry registry, ChannelLifecycle lifecycle, TierChangeWorkflow tierChanges,
                    Channels channels, Hospitals hospitals, HospitalCalendar calendar, Accounts accounts,
                    PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.tierChanges = tierChanges;
        this.channels = channels;
        this.hospitals = hospitals;
        this.calendar = calendar;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** One demo channel before it is registered. */
    record Seed(String code, String name, UnitType type, String region, String address) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Hospital hospital = hospitals.all().get(0);
        long h = hospital.id();
        Actor office = accounts.loadForSignIn("office", clock.instant()).map(MeridianUser::actor)
                .filter(a -> a.hospitalId() == h).orElse(Actor.system(h, "demo"));
        if (channels.count(h) == 0) {
            create(office);
        }
        if (!accounts.usernameTaken(PARTNER)) {
            ChannelRef ch = registry.findByCode(office, "CH-001").orElse(null);
            if (ch != null) {
                accounts.insert(h, PARTNER, "渠道方联络员", encoder.encode(FirstStart.DEMO_PASSWORD), ch.id(),
                        EnumSet.of(Role.CHANNEL_USER));
                audit.record(h, "demo", "USER_CREATED", PARTNER, Map.of("roles", "CHANNEL_USER", "channel", ch.code()));
            }
        }
    }

    /** The 60 demo channels: types in a fixed mix, names and regions drawn with a fixed seed. */
    static List<Seed> seeds() {
        Random random = new Random(SEED);
        List<Seed> seeds = new ArrayList<>();
        List<UnitType> types = new ArrayList<>();
        add(types, UnitType.EXAM_CENTER, 10);
        add(types, UnitType.COMMUNITY_HEALTH, 18);
        add(types, UnitType.REFERRAL_INSTITUTION, 12);
        add(types, UnitType.HEALTH_PLATFORM, 8);
        add(types, UnitType.ALLIANCE_MEMBER, 8);
        add(types, UnitType.OTHER, 4);
        java.util.Collections.shuffle(types, random);
        int[] next = new int[UnitType.values().length];
        for (int i = 0; i < types.size(); i++) {
            UnitType type = types.get(i);
            int n = next[type.ordinal()]++;
            String[] region = REGIONS[type == UnitType.COMMUNITY_HEALTH ? n % 18 : random.nextInt(REGIONS.length)];
            String name = switch (type) {
                case EXAM_CENTER -> EXAM_BRANDS[n] + "健康体检中心（" + region[1].replace("区", "") + "店）";
                case COMMUNITY_HEALTH -> region[2].replace("街道", "") + (n < 14 ? "街道社区卫生服务中心" : "社区卫生服务站");
                case REFERRAL_INSTITUTION -> region[1].replace("区", "") + HOSPITAL_NAMES[n];
                case HEALTH_PLATFORM -> PLATFORMS[n];
                case ALLIANCE_MEMBER -> TOWNS[n];
                case OTHER -> OTHERS[n];
                default -> throw new IllegalStateException("not a channel type: " + type);
            };
            String address = region[0] + region[1] + region[2].replace("街道", "") + "路" + (10 + random.nextInt(390)) + "号";
            String path = type == UnitType.HEALTH_PLATFORM ? region[0] + "/" + region[1]
                    : String.join("/", region);
            seeds.add(new Seed("CH-%03d".formatted(i + 1), name, type, path, address));
        }
        return seeds;
    }

    private void create(Actor office) {
        Random random = new Random(SEED + 1);
        LocalDate today = calendar.today(office.hospitalId());
        List<Seed> seeds = seeds();
        for (int i = 0; i < seeds.size(); i++) {
            Seed s = seeds.get(i);
            ChannelStatus status = i == 0 ? ChannelStatus.ACTIVE : pick(random, i);
            String level = switch (random.nextInt(6)) {
                case 0 -> "STRATEGIC";
                case 1, 2 -> "CLOSE";
                default -> "GENERAL";
            };
            LocalDate start = today.minusDays(120 + random.nextInt(900));
            LocalDate end = i % 12 == 5 ? today.plusDays(7 + (i * 7) % 50) : start.plusYears(2 + random.nextInt(2));
            if (!end.isAfter(today)) {
                end = end.plusYears(2);
            }
            String contact = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
            String phone = random.nextInt(4) == 0
                    ? "0571-8" + (1000000 + random.nextInt(8999999))
                    : "13" + (5 + random.nextInt(5)) + "0000" + (1000 + random.nextInt(8999));
            Channel c = registry.register(office, new ChannelDraft(s.code(), s.name(), s.type().name(), level,
                    status == ChannelStatus.TERMINATED || status == ChannelStatus.PROBATION ? "ACTIVE" : status.name(),
                    s.region(), s.address(), contact, phone, start.toString(), end.toString(),
                    "HT-" + start.getYear() + "-" + "%03d".formatted(i + 1), null));
            if (status == ChannelStatus.PROSPECT) {
                continue;
            }
            String tier = switch (level) {
                case "STRATEGIC" -> random.nextInt(3) == 0 ? "B" : "A";
                case "CLOSE" -> random.nextBoolean() ? "B" : "C";
                default -> random.nextInt(4) == 0 ? "D" : "C";
            };
            if (status == ChannelStatus.PILOT) {
                tier = "D";
            }
            tierChanges.request(office, c.id(), tier, "首次分级：依据合作协议与上年度转诊数据", TierChangeSource.MANUAL, null);
            if (status == ChannelStatus.PROBATION) {
                lifecycle.changeStatus(office, c.code(), ChannelStatus.PROBATION, "投诉率连续两个月超过 5‰，进入整改观察");
            } else if (status == ChannelStatus.TERMINATED) {
                lifecycle.changeStatus(office, c.code(), ChannelStatus.TERMINATED, "合作协议到期，双方不再续约");
            }
        }
    }

    /** Mostly active partners; every 20th a former one, every 15th on probation, the rest drawn. */
    private static ChannelStatus pick(Random random, int i) {
        if (i % 20 == 14) {
            return ChannelStatus.TERMINATED;
        }
        if (i % 15 == 8) {
            return ChannelStatus.PROBATION;
        }
        int r = random.nextInt(100);
        if (r < 8) {
            return ChannelStatus.PROSPECT;
        }
        if (r < 20) {
            return ChannelStatus.PILOT;
        }
        return ChannelStatus.ACTIVE;
    }

    private static void add(List<UnitType> list, UnitType t, int n) {
        for (int i = 0; i < n; i++) {
            list.add(t);
        }
    }
}
