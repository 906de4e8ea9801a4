package org.meridian.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.security.Role;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Bulk import (CSV and XLSX) with its per-row report, and export of the filtered list to XLSX. */
@MeridianTest
class ChannelFilesTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired TestUsers users;
    @Autowired ChannelRegistry registry;
    @Autowired Accounts accounts;

    static String code() {
        return "IM-%s-%04d".formatted(RUN, SEQ.incrementAndGet());
    }

    @Test
    void csvImportRegistersValidRowsAndReportsEveryReasonOfTheOthers() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        long h = users.firstHospital().id();
        String existing = code();
        registry.register(Actor.system(h, "test"), new ChannelDraft(existing, "已登记的渠道", "OTHER", null, null, null, null, null, null, null,
                null, null, null));
        String a = code();
        String b = code();
        String bad = code();
        String csv = "\uFEFF渠道编码,渠道名称,type,合作层级,tier,region,contactPhone,contractStart,contractEnd\r\n"
                + a + ",\"富阳区新登镇社区卫生服务中心, 分中心\",COMMUNITY_HEALTH,紧密合作,,杭州市/富阳区/新登镇,13912345678,2026-01-01,2027-12-31\n"
                + bad + ",坏数据,SPA,,,,12345,2026-02-01,2026-01-01\n"
                + existing + ",重复已有,体检中心,,,,,,\n"
                + a + ",文件内重复,OTHER,,,,,,\n"
                + b + ",\"带\"\"引号\"\"的平台\",健康管理平台/互联网平台,,B,,,,\n";
        mvc.perform(multipart("/api/v1/channels/imports")
                        .file(new MockMultipartFile("file", "channels.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.created", contains(a, b)))
                .andExpect(jsonPath("$.rejected[*].index", contains(2, 3, 4)))
                .andExpect(jsonPath("$.rejected[0].errors[*].field", contains("type", "contactPhone", "contractEnd")))
                .andExpect(jsonPath("$.rejected[1].errors[0].message").value("渠道编码已存在"))
                .andExpect(jsonPath("$.rejected[2].errors[0].message").value("与第 1 行的编码重复"));

        Channel first = registry.get(Actor.system(h, "test"), a);
        assertThat(first.name()).isEqualTo("富阳区新登镇社区卫生服务中心, 分中心");
        assertThat(first.cooperationLevel()).isEqualTo(CooperationLevel.CLOSE);
        assertThat(first.contractEnd()).isEqualTo(LocalDate.of(2027, 12, 31));
        Channel second = registry.get(Actor.system(h, "test"), b);
        assertThat(second.name()).isEqualTo("带\"引号\"的平台");
        assertThat(second.tier()).isEqualTo("B");
        assertThat(registry.findByCode(Actor.system(h, "test"), bad)).isEmpty();
        assertThat(registry.get(Actor.system(h, "test"), existing).name()).isEqualTo("已登记的渠道");
    }

    /**
     * A NUL (U+0000) in a cell (issue 18 point 4): PostgreSQL can store no text with one, and registering the row
     * failed the whole import (500, no channel registered). Its row is rejected on that field; the others registered.
     */
    @Test
    void aNulInAnyCellRejectsItsRowOnThatFieldAndTheRestOfTheFileIsRegistered() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        long h = users.firstHospital().id();
        String a = code();
        String b = code();
        List<String> bad = List.of(code(), code(), code(), code(), code());
        String csv = String.join("\n", "code,name,type,region,address,contactName,contractRef,notes",
                a + ",城东社区卫生服务中心,COMMUNITY_HEALTH,,,,,",
                bad.get(0) + ",城东\u0000分中心,COMMUNITY_HEALTH,,,,,",
                bad.get(1) + ",城东二分中心,COMMUNITY_HEALTH,杭州市/上城区\u0000,,,,",
                bad.get(2) + ",城东三分中心,COMMUNITY_HEALTH,,建国路\u00001号,王\u0000医生,,",
                bad.get(3) + ",城东四分中心,COMMUNITY_HEALTH,,,,HT-\u00001,",
                bad.get(4) + ",城东五分中心,COMMUNITY_HEALTH,,,,,备注\u0000",
                b + ",城东六分中心,COMMUNITY_HEALTH,,,,,",
                "IM-\u0000X,城东七分中心,COMMUNITY_HEALTH,,,,,");
        mvc.perform(multipart("/api/v1/channels/imports")
                        .file(new MockMultipartFile("file", "nul.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.created", contains(a, b)))
                .andExpect(jsonPath("$.rejected[*].index", contains(2, 3, 4, 5, 6, 8)))
                .andExpect(jsonPath("$.rejected[0].errors[*].field", contains("name")))
                .andExpect(jsonPath("$.rejected[1].errors[*].field", contains("region")))
                .andExpect(jsonPath("$.rejected[2].errors[*].field", contains("address", "contactName")))
                .andExpect(jsonPath("$.rejected[3].errors[*].field", contains("contractRef")))
                .andExpect(jsonPath("$.rejected[4].errors[*].field", contains("notes")))
                .andExpect(jsonPath("$.rejected[5].errors[*].field", contains("code")));
        for (String c : bad) {
            assertThat(registry.findByCode(Actor.system(h, "test"), c)).isEmpty();
        }
        assertThat(registry.get(Actor.system(h, "test"), b).name()).isEqualTo("城东六分中心");
    }

    @Test
    void xlsxImportReadsDateCellsAndAFileWithoutRequiredColumnsIsRefusedWhole() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        long h = users.firstHospital().id();
        String a = code();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("渠道");
        String[] header = {"code", "name", "type", "status", "contractStart", "contractEnd"};
        for (int i = 0; i < header.length; i++) {
            ws.value(0, i, header[i]);
        }
        ws.value(1, 0, a);
        ws.value(1, 1, "桐庐县人民医院医共体分院");
        ws.value(1, 2, "ALLIANCE_MEMBER");
        ws.value(1, 3, "试点合作");
        ws.value(1, 4, LocalDate.of(2026, 3, 1));
        ws.style(1, 4).format("yyyy-mm-dd").set();
        ws.value(1, 5, "2028-02-29");
        wb.finish();
        mvc.perform(multipart("/api/v1/channels/imports")
                        .file(new MockMultipartFile("file", "channels.xlsx", "application/octet-stream", out.toByteArray()))
                        .with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
        Channel c = registry.get(Actor.system(h, "test"), a);
        assertThat(c.status()).isEqualTo(ChannelStatus.PILOT);
        assertThat(c.contractStart()).isEqualTo(LocalDate.of(2026, 3, 1));

        // a CSV saved by Chinese Excel (GB18030): read as such, and the answer says so
        String gb = code();
        mvc.perform(multipart("/api/v1/channels/imports")
                        .file(new MockMultipartFile("file", "渠道.csv", "text/csv",
                                ("code,name,type\r\n" + gb + ",城西社区卫生服务中心,COMMUNITY_HEALTH\r\n")
                                        .getBytes(java.nio.charset.Charset.forName("GB18030"))))
                        .with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.encoding").value("GB18030"));
        assertThat(registry.get(Actor.system(h, "test"), gb).name()).isEqualTo("城西社区卫生服务中心");

        String c2 = code();
        mvc.perform(multipart("/api/v1/channels/imports")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv",
                                ("code,colour\n" + c2 + ",red\n").getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message", hasItem("未知的列：colour")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("缺少必需的列：name")));
        assertThat(registry.findByCode(Actor.system(h, "test"), c2)).isEmpty();

        String analyst = users.create(Role.ANALYST);
        mvc.perform(multipart("/api/v1/channels/imports")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", "code,name,type\n".getBytes()))
                        .with(httpBasic(analyst, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCellOverTheLimitRejectsItsRowAndAHostileWorkbookIsRefusedWhole() throws Exception {
        // issue 18 point 1: 32,768 characters are one more than a cell may hold (Excel's own limit, 32,767)
        String manager = users.create(Role.CHANNEL_MANAGER);
        long h = users.firstHospital().id();
        String a = code();
        String b = code();
        String csv = "code,name,type,notes\n" + a + ",长备注,OTHER," + "长".repeat(32_768) + "\n" + b + ",正常,OTHER,短\n";
        mvc.perform(multipart("/api/v1/channels/imports")
                        .file(new MockMultipartFile("file", "long.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created", contains(b)))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].errors[0].field").value("notes"))
                .andExpect(jsonPath("$.rejected[0].errors[0].message").value("单元格超过 32,767 个字符（一个单元格最多能放的字数）"));
        assertThat(registry.findByCode(Actor.system(h, "test"), a)).isEmpty();

        // 400,000 characters in one shared string: beyond any cell (10 × 32,767 + 1,024 bytes a run may take)
        String c = code();
        byte[] xlsx = org.meridian.support.HandMadeXlsx.of(List.of(List.of("code", "name", "type", "notes"),
                List.of(c, "恶意", "OTHER", "x".repeat(400_000))));
        mvc.perform(multipart("/api/v1/channels/imports")
                        .file(new MockMultipartFile("file", "hostile.xlsx", "application/octet-stream", xlsx))
                        .with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "文件未导入（结构异常，可能是恶意文件）：the part xl/sharedStrings.xml")));
        assertThat(registry.findByCode(Actor.system(h, "test"), c)).isEmpty();
    }

    @Test
    void exportWritesTheFilteredListToXlsxWithCaptions() throws Exception {
        long h = users.firstHospital().id();
        String region = "导出市" + RUN + "/甲区";
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = code();
            codes.add(code);
            registry.register(Actor.system(h, "test"), new ChannelDraft(code, "导出测试 " + i, "EXAM_CENTER", "GENERAL", null, region,
                    null, "联系人", "13800001111", "2026-01-01", "2027-01-01", null, null));
        }
        byte[] xlsx = mvc.perform(get("/channels/export.xlsx").param("region", "导出市" + RUN)
                        .with(as(users.create(Role.ANALYST))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             var stream = wb.getFirstSheet().openStream()) {
            for (Row r : (Iterable<Row>) stream::iterator) {
                List<String> cells = new ArrayList<>();
                r.forEach(cell -> cells.add(cell == null ? null : cell.getText()));
                rows.add(cells);
            }
        }
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("渠道编码", "渠道名称", "渠道类型");
        assertThat(rows.subList(1, 4)).extracting(r -> r.get(0)).containsExactlyElementsOf(codes);
        assertThat(rows.get(1)).contains("体检中心", "一般合作", "正式合作", region);
    }

    @Test
    void pagesForbidChannelUsersAndHideOtherHospitalsChannels() throws Exception {
        long h = users.firstHospital().id();
        String code = code();
        Channel c = registry.register(Actor.system(h, "test"), new ChannelDraft(code, "页面测试", "OTHER", null, null, null, null, null, null,
                null, null, null, null));
        String partner = users.create(h, Role.CHANNEL_USER, c.id());
        mvc.perform(get("/channels").with(as(partner))).andExpect(status().isForbidden());
        mvc.perform(get("/channels/" + code).with(as(partner))).andExpect(status().isForbidden());
        String stranger = users.create(users.otherHospital().id(), Role.HOSPITAL_MANAGER, null);
        mvc.perform(get("/channels/" + code).with(as(stranger))).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("未找到该渠道")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("页面测试"))));
        mvc.perform(multipart("/channels/" + code + "/edit").param("name", "改掉").param("type", "OTHER")
                .with(as(stranger)).with(csrf())).andExpect(status().isNotFound());
        assertThat(registry.get(Actor.system(h, "test"), code).name()).isEqualTo("页面测试");
        mvc.perform(get("/channels/" + code).with(as(users.create(Role.ANALYST)))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("页面测试")));
    }

    @Test
    void theCreateFormShowsEveryProblemBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
        String manager = users.create(Role.CHANNEL_MANAGER);
        String code = code();
        String html = mvc.perform(multipart("/channels/new").param("code", code).param("name", "")
                        .param("type", "SPA").param("contactPhone", "123").param("contractStart", "2026-06-01")
                        .param("contractEnd", "2026-01-01").param("address", "文三路 1 号")
                        .with(as(manager)).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"name-error\"").contains("id=\"type-error\"").contains("id=\"contactPhone-error\"")
                .contains("id=\"contractEnd-error\"").contains("合同结束日期不能早于开始日期").contains("value=\"文三路 1 号\"");
        assertThat(registry.findByCode(Actor.system(users.firstHospital().id(), "test"), code)).isEmpty();
    }

    private RequestPostProcessor as(String username) {
        MeridianUser user = accounts.loadForSignIn(username, clock.instant()).orElseThrow();
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    void aChannelFileOverItsLimitIs413AndNothingIsRegistered() throws Exception {
        // issue 18 point 2: 10 MB (10,485,760 bytes) is the channel file limit, 64 KiB the room for the form around it
        String manager = users.create(Role.CHANNEL_MANAGER);
        long h = users.firstHospital().id();
        String a = code();
        byte[] head = ("code,name,type,notes\n" + a + ",太大的文件,OTHER,").getBytes(StandardCharsets.UTF_8);
        byte[] big = java.util.Arrays.copyOf(head, 10 * 1024 * 1024 + 64 * 1024 + 1);
        java.util.Arrays.fill(big, head.length, big.length, (byte) 'x');
        mvc.perform(multipart("/api/v1/channels/imports")
                        .file(new MockMultipartFile("file", "big.csv", "text/csv", big))
                        .header("Accept-Language", "en")
                        .with(httpBasic(manager, TestUsers.PASSWORD)))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.detail").value("The upload is larger than this form accepts (at most 10 MB);"
                        + " nothing of it was read or stored. Make the file smaller or split it."));
        assertThat(registry.findByCode(Actor.system(h, "test"), a)).isEmpty();
    }
}
