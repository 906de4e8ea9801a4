package org.meridian.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.problem.RefusedException;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The channel calls of api.md, as an integrating system or script sees them. */
@MeridianTest
class ChannelApiTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    /** Codes sort in creation order within a run and never repeat across runs on one database. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired AuditLog audit;
    @Autowired ChannelRegistry registry;
    @Autowired java.time.Clock clock;

    static String uniqueCode() {
        return "API-%s-%04d".formatted(RUN, SEQ.incrementAndGet());
    }

    ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, TestUsers.PASSWORD)));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    String create(String manager, String code, String extra) throws Exception {
        as(manager, json(post("/api/v1/channels"), """
                {"code": "%s", "name": "测试体检中心 %s", "type": "EXAM_CENTER"%s}""".formatted(code, code, extra)))
                .andExpect(status().isCreated());
        return code;
    }

    @Test
    void createAnswers201WithTheChannelStatusActiveAndNoTierAndIsAudited() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        String code = uniqueCode();
        as(manager, json(post("/api/v1/channels"), """
                {"code": "%s", "name": "西湖社区卫生服务中心", "type": "COMMUNITY_HEALTH", "region": "杭州市 / 西湖区/北山街道",
                 "cooperationLevel": "CLOSE", "contactName": "张敏", "contactPhone": "13812345678",
                 "contractStart": "2026-01-01", "contractEnd": "2027-12-31"}""".formatted(code)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/channels/" + code))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.tier").value(nullValue()))
                .andExpect(jsonPath("$.region").value("杭州市/西湖区/北山街道"))
                .andExpect(jsonPath("$.contractEnd").value("2027-12-31"));

        String analyst = users.create(Role.ANALYST);
        as(analyst, get("/api/v1/channels/" + code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("西湖社区卫生服务中心"))
                .andExpect(jsonPath("$.cooperationLevel").value("CLOSE"))
                .andExpect(jsonPath("$.type").value("COMMUNITY_HEALTH"));
        assertThat(audit.recent(users.firstHospital().id(), "CHANNEL_CREATED", 200))
                .anySatisfy(e -> {
                    assertThat(e.target()).isEqualTo(code);
                    assertThat(e.actor()).isEqualTo(manager);
                    assertThat(e.details()).contains("西湖社区卫生服务中心");
                });
    }

    @Test
    void duplicateCodeAnswers409AndKeepsTheFirst() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        String code = create(manager, uniqueCode(), "");
        as(manager, json(post("/api/v1/channels"), """
                {"code": "%s", "name": "另一个", "type": "OTHER"}""".formatted(code)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.type").value("urn:meridian:channel:code-taken"))
                .andExpect(jsonPath("$.detail").value("本院已有编码为 " + code + " 的渠道。"));
        as(manager, get("/api/v1/channels/" + code)).andExpect(jsonPath("$.type").value("EXAM_CENTER"));
    }

    @Test
    void badInputListsEveryProblemAndCreatesNothing() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        String code = uniqueCode();
        as(manager, json(post("/api/v1/channels"), """
                {"code": "%s", "name": "  ", "type": "HOSPITAL", "cooperationLevel": "BEST",
                 "address": "%s", "contactPhone": "12345", "region": "杭州市//北山街道",
                 "contractStart": "2026-06-01", "contractEnd": "2026-05-31"}""".formatted(code, "路".repeat(201))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "type",
                        "cooperationLevel", "address", "contactPhone", "region", "contractEnd")))
                .andExpect(jsonPath("$.errors[?(@.field == 'contractEnd')].message").value("合同结束日期不能早于开始日期"))
                .andExpect(jsonPath("$.type").value("urn:meridian:channel:invalid-input"));
        as(manager, get("/api/v1/channels/" + code)).andExpect(status().isNotFound());

        as(manager, json(post("/api/v1/channels?lang=en"), """
                {"code": "", "name": "%s", "type": "", "contractStart": "2026-13-01"}""".formatted("名".repeat(101))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("code", "name", "type",
                        "contractStart")))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("At most 100 characters"));
    }

    @Test
    void listIsPagedFilteredAndRefusesSizesOutsideOneToAThousand() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        String street = "测试市" + SEQ.incrementAndGet();
        String a = create(manager, uniqueCode(), ", \"region\": \"" + street + "/甲区/一街道\"");
        String b = create(manager, uniqueCode(), ", \"region\": \"" + street + "/甲区/二街道\", \"status\": \"PILOT\"");
        create(manager, uniqueCode(), ", \"region\": \"" + street + "/乙区\"");

        as(manager, get("/api/v1/channels").param("region", street + "/甲区").param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].code").value(a));
        as(manager, get("/api/v1/channels").param("region", street).param("status", "PILOT"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value(b));
        as(manager, get("/api/v1/channels").param("q", b).param("type", "EXAM_CENTER"))
                .andExpect(jsonPath("$.total").value(1));

        as(manager, get("/api/v1/channels").param("size", "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        as(manager, get("/api/v1/channels").param("size", "1001")).andExpect(status().isBadRequest());
        as(manager, get("/api/v1/channels").param("size", "1000")).andExpect(status().isOk());
        as(manager, get("/api/v1/channels").param("type", "SPA").param("status", "GONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("type", "status")));
    }

    @Test
    void patchChangesFieldsNeverTheCodeAndAuditsOldAndNewValues() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        String code = create(manager, uniqueCode(), ", \"contactName\": \"王芳\"");
        as(manager, json(patch("/api/v1/channels/" + code), """
                {"name": "改名后的体检中心", "contactName": null, "cooperationLevel": "STRATEGIC"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("改名后的体检中心"))
                .andExpect(jsonPath("$.contactName").value(nullValue()))
                .andExpect(jsonPath("$.type").value("EXAM_CENTER"));
        assertThat(audit.recent(users.firstHospital().id(), "CHANNEL_UPDATED", 200))
                .anySatisfy(e -> {
                    assertThat(e.target()).isEqualTo(code);
                    assertThat(e.details()).contains("\"old\": \"王芳\"").contains("\"new\": \"改名后的体检中心\"");
                });
        as(manager, json(patch("/api/v1/channels/" + code), """
                {"code": "OTHER-CODE", "colour": "red", "contactPhone": "abc"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("code", "colour")));
        as(manager, json(patch("/api/v1/channels/" + code), """
                {"contactPhone": "abc", "status": "PROSPECT"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("contactPhone", "status",
                        "statusReason")));
        as(manager, get("/api/v1/channels/" + code)).andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.contactPhone").value(nullValue()));
    }

    @Test
    void lifecycleStepsNeedALegalTransitionAndAReason() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        String code = create(manager, uniqueCode(), ", \"status\": \"PROSPECT\"");
        as(manager, json(post("/api/v1/channels/" + code + "/status"), """
                {"status": "PROBATION", "reason": ""}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("status", "reason")));
        as(manager, json(post("/api/v1/channels/" + code + "/status"), """
                {"status": "PILOT", "reason": "签订试点协议"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PILOT"));
        as(manager, json(patch("/api/v1/channels/" + code), """
                {"status": "ACTIVE", "statusReason": "试点达标，转正式合作"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        as(manager, json(post("/api/v1/channels/" + code + "/status"), """
                {"status": "PROBATION", "reason": "投诉率连续两月超标"}"""))
                .andExpect(status().isOk());
        as(manager, json(post("/api/v1/channels/" + code + "/status"), """
                {"status": "ACTIVE", "reason": "整改完成"}"""))
                .andExpect(status().isOk());
        as(manager, get("/api/v1/channels/" + code + "/status-changes"))
                .andExpect(jsonPath("$[*].toStatus").value(org.hamcrest.Matchers.contains("ACTIVE", "PROBATION",
                        "ACTIVE", "PILOT", "PROSPECT")))
                .andExpect(jsonPath("$[0].reason").value("整改完成"));
        assertThat(audit.recent(users.firstHospital().id(), "CHANNEL_STATUS_CHANGED", 200))
                .anySatisfy(e -> assertThat(e.details()).contains("PROBATION").contains("整改完成"));
    }

    @Test
    void upgradeAppliesAtOnceDowngradeWaitsAndNobodyApprovesTheirOwn() throws Exception {
        String office = users.create(Role.CHANNEL_MANAGER);
        String boss = users.create(Role.HOSPITAL_MANAGER);
        String otherBoss = users.create(Role.HOSPITAL_MANAGER);
        String code = create(office, uniqueCode(), "");

        as(office, json(post("/api/v1/channels/" + code + "/tier-changes"), """
                {"tier": "C", "reason": "首次分级"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.direction").value("INITIAL"));
        as(office, json(post("/api/v1/channels/" + code + "/tier-changes"), """
                {"tier": "A", "reason": "季度评估优秀"}"""))
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.direction").value("UPGRADE"))
                .andExpect(jsonPath("$.fromTier").value("C"));
        as(office, get("/api/v1/channels/" + code)).andExpect(jsonPath("$.tier").value("A"));

        as(office, json(post("/api/v1/channels/" + code + "/tier-changes"), """
                {"tier": "Z", "reason": ""}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("tier", "reason")));

        String body = as(boss, json(post("/api/v1/channels/" + code + "/tier-changes"), """
                {"tier": "B", "reason": "转诊量下降"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.direction").value("DOWNGRADE"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        as(office, get("/api/v1/channels/" + code)).andExpect(jsonPath("$.tier").value("A"));

        as(office, post("/api/v1/channel-tier-changes/" + id + "/approve")).andExpect(status().isForbidden());
        as(boss, post("/api/v1/channel-tier-changes/" + id + "/approve"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:meridian:channel:four-eyes"));
        as(office, get("/api/v1/channels/" + code)).andExpect(jsonPath("$.tier").value("A"));

        as(otherBoss, json(post("/api/v1/channel-tier-changes/" + id + "/approve"), """
                {"note": "同意"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedBy").value(otherBoss));
        as(office, get("/api/v1/channels/" + code)).andExpect(jsonPath("$.tier").value("B"));
        as(otherBoss, post("/api/v1/channel-tier-changes/" + id + "/reject")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:meridian:channel:not-pending"));
        as(otherBoss, post("/api/v1/channel-tier-changes/99999999/approve")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:meridian:channel:tier-change-not-found"));

        String changes = as(office, get("/api/v1/channels/" + code + "/tier-changes"))
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].requestedBy").value(boss))
                .andExpect(jsonPath("$[0].reason").value("转诊量下降"))
                .andExpect(jsonPath("$[0].source").value("MANUAL"))
                .andReturn().getResponse().getContentAsString();
        // requested and decided at the hospital's "now": the injected clock (in tests 2027-01-15, moving a few
        // milliseconds a call), not the database's wall clock
        java.time.Instant now = clock.instant();
        assertThat(java.time.OffsetDateTime.parse(com.jayway.jsonpath.JsonPath.read(changes, "$[0].requestedAt"))
                .toInstant()).isBetween(now.minusSeconds(60), now);
        assertThat(java.time.OffsetDateTime.parse(com.jayway.jsonpath.JsonPath.read(changes, "$[0].decidedAt"))
                .toInstant()).isBetween(now.minusSeconds(60), now);
        assertThat(audit.recent(users.firstHospital().id(), "CHANNEL_TIER_CHANGED", 200))
                .anySatisfy(e -> {
                    assertThat(e.target()).isEqualTo(code);
                    assertThat(e.actor()).isEqualTo(otherBoss);
                    assertThat(e.details()).contains("\"old\": \"A\"").contains("\"new\": \"B\"");
                });
    }

    @Test
    void channelUsersRegulatorsAndOtherHospitalsNeverSeeOrChangeAChannel() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        String code = create(manager, uniqueCode(), "");
        long channelId = registry.findByCode(Actor.system(users.firstHospital().id(), "test"), code).orElseThrow().id();
        String partner = users.create(users.firstHospital().id(), Role.CHANNEL_USER, channelId);
        String regulator = users.create(Role.REGULATOR);
        String stranger = users.create(users.otherHospital().id(), Role.HOSPITAL_MANAGER, null);

        for (String user : new String[] {partner, regulator}) {
            as(user, get("/api/v1/channels")).andExpect(status().isForbidden());
            as(user, get("/api/v1/channels/" + code)).andExpect(status().isForbidden());
            as(user, json(patch("/api/v1/channels/" + code), "{\"name\": \"hacked\"}"))
                    .andExpect(status().isForbidden());
        }
        as(stranger, get("/api/v1/channels/" + code)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:meridian:channel:channel-not-found"));
        as(stranger, get("/api/v1/channels/" + code + "?lang=en")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Channel not found: your hospital has no channel " + code + "."));
        as(stranger, json(patch("/api/v1/channels/" + code), "{\"name\": \"hacked\"}"))
                .andExpect(status().isNotFound());
        as(stranger, json(post("/api/v1/channels/" + code + "/tier-changes"), "{\"tier\": \"A\", \"reason\": \"x\"}"))
                .andExpect(status().isNotFound());
        as(stranger, get("/api/v1/channels").param("q", code)).andExpect(jsonPath("$.total").value(0));
        as(manager, get("/api/v1/channels/" + code)).andExpect(jsonPath("$.name").value("测试体检中心 " + code))
                .andExpect(jsonPath("$.tier").value(nullValue()));
    }

    @Test
    void facadeResolvesCodesAndListsEvaluableChannelsOfAType() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        long hospital = users.firstHospital().id();
        String prospect = create(manager, uniqueCode(), ", \"status\": \"PROSPECT\"");
        String active = create(manager, uniqueCode(), "");
        assertThat(registry.findByCode(Actor.system(hospital, "test"), active)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(ChannelStatus.ACTIVE);
            assertThat(r.tier()).isNull();
        });
        assertThat(registry.findByCode(Actor.system(users.otherHospital().id(), "test"), active)).isEmpty();
        assertThat(registry.evaluable(Actor.system(hospital, "test"), org.meridian.shared.UnitType.EXAM_CENTER))
                .extracting(ChannelRef::code).contains(active).doesNotContain(prospect);
    }

    @Test
    void theRegistryRefusesAnActorWhoMayNotSeeItButOtherModulesStillResolveTheChannel() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        long hospital = users.firstHospital().id();
        String code = create(manager, uniqueCode(), "");
        long channelId = registry.findByCode(Actor.system(hospital, "test"), code).orElseThrow().id();
        Actor partner = new Actor(hospital, "partner-of-" + code, java.util.Set.of(Role.CHANNEL_USER), channelId);

        assertThatThrownBy(() -> registry.search(partner, ChannelQuery.all(0, 10)))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.typeUrn()).isEqualTo("urn:meridian:channel:registry-hidden"));
        assertThatThrownBy(() -> registry.get(partner, code)).isInstanceOf(RefusedException.class);
        assertThat(registry.find(partner, channelId)).as("its own channel, as the appeal pages resolve it")
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(code));
    }
}
