package org.meridian.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.support.TestHospital.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Accounts;
import org.meridian.shared.security.MeridianUser;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The run page and its export speak words. DEAP 2.1 EG1 as {@link Departments} (doctors as given, beds × 10):
 * <ul>
 *   <li>心内科 (2 doctors, 50 beds): θ = 0.5, radial target (1, 25) less the slack of 5 beds → (1, 20): 1 doctor and
 *       30 beds fewer with its present discharges; peer 呼吸科 with λ = 0.5;</li>
 *   <li>骨科 (6, 60): θ = 5/6 → (5, 50): 1 doctor and 10 beds fewer; peers 呼吸科 (1.00) and 儿科 (0.50);</li>
 *   <li>眼科 (3, 20): θ = 5/7 → (15/7, 100/7): 3 − 2.143 = 0.857 → 0.9 doctors, 20 − 14.286 = 5.714 → 5.7 beds;</li>
 *   <li>呼吸科 and 儿科 are on the frontier.</li>
 * </ul>
 */
@MeridianTest
class EfficiencyPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired Accounts accounts;
    @Autowired Clock clock;

    Departments h;
    long id;

    @BeforeEach
    void run() throws Exception {
        h = new Departments(mvc, users, hospitals);
        id = h.run(Departments.EG1_RUN);
    }

    /** A request of a person signed in to the pages (a session, not HTTP Basic). */
    ResultActions browse(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(signedIn(user)).with(csrf()));
    }

    RequestPostProcessor signedIn(String username) {
        MeridianUser user = accounts.loadForSignIn(username, clock.instant()).orElseThrow();
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    String page(String user, String path) throws Exception {
        return browse(user, get(path).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    @Test
    void theRunPageSaysWhatEachDepartmentCouldChangeAndWhoItsPeersAre() throws Exception {
        String html = page(h.analyst, "/efficiency/runs/" + id);
        assertThat(html).contains("以现有产出，可减少医生 1 人、开放床位 30 张")
                .contains("以现有产出，可减少医生 1 人、开放床位 10 张")
                .contains("以现有产出，可减少医生 0.9 人、开放床位 5.7 张")
                .contains(">呼吸科（0.50）<")
                .contains(">呼吸科（1.00）、儿科（0.50）<")
                .contains(">呼吸科（0.21）、儿科（0.29）<")
                .contains("已在效率前沿上，无需调整")
                .contains("0.500", "0.833", "0.714")
                .contains("综合技术效率 = 纯技术效率 × 规模效率")
                .doesNotContain(">INEFFICIENT<", "CCR INPUT", ">IRS<");
        // the analyst reads but may not publish
        assertThat(html).doesNotContain("id=\"publish\"");
        String en = page(h.analyst, "/efficiency/runs/" + id + "?lang=en");
        assertThat(en).contains("With its present outputs it could reduce Doctors by 1 人, Open beds by 30 张");
        // the office publishes from the page
        assertThat(page(h.office, "/efficiency/runs/" + id)).contains("id=\"publish\"");
        browse(h.office, post("/efficiency/runs/" + id + "/publish")).andExpect(status().is3xxRedirection());
        assertThat(page(h.analyst, "/efficiency/runs?status=PUBLISHED")).contains("2026-Q4 · 临床科室", "已发布",
                "医生、开放床位 → 出院人次");
    }

    @Test
    void theRunPageNamesTheStatisticTheScoresBecomeAsTheHospitalsCatalogueNamesIt() throws Exception {
        // before the first publication: the name the measure will be given, in the reader's language
        assertThat(scoresText(page(h.office, "/efficiency/runs/" + id))).contains("「DEA 效率得分」", "dea_efficiency");
        assertThat(scoresText(page(h.office, "/efficiency/runs/" + id + "?lang=en")))
                .contains("“DEA efficiency score”", "dea_efficiency");

        // a hospital that defined dea_efficiency itself keeps its own names, and the page says those
        h.as(h.office, json(post("/api/v1/measures"), """
                {"code": "dea_efficiency", "nameZh": "科室运营效率", "nameEn": "Ward efficiency", "unit": "%",
                 "aggregation": "AVERAGE"}""")).andExpect(status().isCreated());
        browse(h.office, post("/efficiency/runs/" + id + "/publish")).andExpect(status().is3xxRedirection());
        assertThat(scoresText(page(h.office, "/efficiency/runs/" + id))).contains("已记为", "「科室运营效率」")
                .doesNotContain("DEA 效率得分");
        assertThat(scoresText(page(h.office, "/efficiency/runs/" + id + "?lang=en"))).contains("“Ward efficiency”");
    }

    private static String scoresText(String html) {
        return Jsoup.parse(html).getElementById("scores-as-statistic").text();
    }

    @Test
    void theExportHasEachUnitsFiguresAndWords() throws Exception {
        byte[] xlsx = browse(h.analyst, get("/efficiency/runs/" + id + "/results.xlsx")).andExpect(status().isOk())
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
        assertThat(rows.get(0).get(0)).contains("2026-Q4", "临床科室", "草稿");
        List<String> head = rows.get(1);
        assertThat(head).startsWith("编码", "单元", "医生 (人)", "开放床位 (张)", "出院人次 (人次)", "综合技术效率");
        List<String> first = rows.get(2);
        assertThat(first).startsWith("D1", "心内科");
        // doctors, beds, discharges, then technical efficiency 1/2 (DEAP EG1 firm 1)
        double[] expected = {2, 50, 100, 0.5};
        for (int c = 0; c < expected.length; c++) {
            assertThat(Double.parseDouble(first.get(2 + c))).isCloseTo(expected[c],
                    org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(first).contains("以现有产出，可减少医生 1 人、开放床位 30 张", "呼吸科（0.50）", "非有效");
    }

    @Test
    void theFormStartsARunByMeasureNamesAndShowsEveryProblem() throws Exception {
        String form = page(h.office, "/efficiency/runs/new");
        assertThat(form).contains("开放床位", "出院人次", "value=\"beds\"");
        String bad = browse(h.office, post("/efficiency/runs/new").accept(MediaType.TEXT_HTML)
                        .param("period", "2026-Q9").param("unitType", "CLINICAL").param("model", "CCR")
                        .param("orientation", "INPUT").param("outputs", "discharges"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("期间 2026-Q9 无法识别", "至少选择一项");
        String location = browse(h.office, post("/efficiency/runs/new")
                        .param("period", "2026-Q4").param("unitType", "CLINICAL").param("model", "BCC")
                        .param("orientation", "OUTPUT").param("inputs", "doctors", "beds")
                        .param("outputs", "discharges").param("superEfficiency", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String run = page(h.office, location);
        assertThat(run).contains("超效率排序", "以现有投入，", "BCC（规模报酬可变）", "产出导向");
        // the frontier chart for two chosen measures answers its fragment to htmx
        String fragment = browse(h.office, get(location).param("x", "beds").param("y", "discharges")
                .header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(fragment).contains("id=\"frontier-chart\"", "开放床位 (张)").doesNotContain("<html");
        // another hospital's analyst and a channel's own user see nothing
        String stranger = new org.meridian.support.TestHospital(mvc, users, hospitals).analyst;
        browse(stranger, get(location).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        String partner = h.channelUser(h.channel("CH-EF", "EXAM_CENTER", null, null));
        browse(partner, get(location).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
    }
}
