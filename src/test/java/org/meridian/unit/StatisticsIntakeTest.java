package org.meridian.unit;

import static org.meridian.support.TestHospital.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MeridianTest;
import org.meridian.support.TestHospital;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Departments, statistic measures and statistics through the API, in a hospital of its own. The test clock stands on
 * 2027-01-15 in Shanghai, so 2027-01 is the current month and 2027-02 is in the future.
 */
@MeridianTest
class StatisticsIntakeTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;

    TestHospital h;

    @BeforeEach
    void hospital() throws Exception {
        h = new TestHospital(mvc, users, hospitals);
        h.as(h.office, json(post("/api/v1/units"), """
                {"code": "DEP-CARD", "name": "心内科", "kind": "DEPARTMENT", "type": "CLINICAL", "head": "王主任",
                 "openBeds": 60}""")).andExpect(status().isCreated());
        h.as(h.office, json(post("/api/v1/measures"), """
                {"code": "discharges", "nameZh": "出院人次", "nameEn": "Discharges", "unit": "人次",
                 "aggregation": "SUM"}""")).andExpect(status().isCreated());
    }

    @Test
    void unitsAreRegisteredListedByKindAndChanged() throws Exception {
        h.as(h.office, json(post("/api/v1/units"), """
                {"code": "DEP-CARD-W1", "name": "心内一病区", "type": "CLINICAL", "parent": "DEP-CARD"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("DEPARTMENT"))
                .andExpect(jsonPath("$.status").value("ACTIVE")).andExpect(jsonPath("$.parent").value("DEP-CARD"));
        h.as(h.office, json(post("/api/v1/units"), """
                {"code": "INST-1", "name": "西湖区人民医院", "kind": "INSTITUTION", "type": "SECONDARY_HOSPITAL",
                 "level": "二级甲等", "district": "西湖区"}""")).andExpect(status().isCreated());
        h.as(h.analyst, get("/api/v1/units?kind=DEPARTMENT")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items[0].code").value("DEP-CARD"));
        h.as(h.analyst, get("/api/v1/units?type=SECONDARY_HOSPITAL")).andExpect(jsonPath("$.total").value(1));
        h.as(h.office, json(patch("/api/v1/units/DEP-CARD"), "{\"openBeds\": 64}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.openBeds").value(64))
                .andExpect(jsonPath("$.head").value("王主任"));
        // bad input: every problem at once, nothing registered
        h.as(h.office, json(post("/api/v1/units"), """
                {"code": "X 1", "name": "", "kind": "INSTITUTION", "type": "CLINICAL", "openBeds": -1}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'code')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'type')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'openBeds')]").exists());
        h.as(h.office, json(post("/api/v1/units"), "{\"code\": \"DEP-CARD\", \"name\": \"x\", \"type\": \"CLINICAL\"}"))
                .andExpect(status().isConflict());
        h.as(h.analyst, get("/api/v1/units/NOPE")).andExpect(status().isNotFound());
    }

    @Test
    void theCatalogueListsBuiltInAndOwnMeasuresAndRefusesABuiltInCode() throws Exception {
        h.as(h.analyst, get("/api/v1/measures")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("referrals"))
                .andExpect(jsonPath("$[?(@.code == 'days')].source").value("DAYS"))
                .andExpect(jsonPath("$[?(@.code == 'discharges')].aggregation").value("SUM"));
        h.as(h.office, json(post("/api/v1/measures"), """
                {"code": "referrals", "nameZh": "转诊", "unit": "人次", "aggregation": "SUM"}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
        h.as(h.office, json(post("/api/v1/measures"), """
                {"code": "bed_days", "nameZh": "占用床日", "unit": "床日", "aggregation": "MEDIAN"}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("aggregation"));
        // a formula may name the hospital's statistic measure, not an unknown one
        h.as(h.office, json(post("/api/v1/indicators"), """
                {"code": "DISCHARGES_PER_DAY", "nameZh": "日均出院", "nameEn": "Discharges a day", "unitZh": "人次",
                 "unitEn": "patients", "direction": "HIGHER_IS_BETTER", "formula": "discharges / days"}"""))
                .andExpect(status().isCreated());
        h.as(h.office, json(post("/api/v1/indicators"), """
                {"code": "BAD_FORMULA", "nameZh": "坏", "nameEn": "Bad", "unitZh": "人次",
                 "unitEn": "patients", "direction": "HIGHER_IS_BETTER", "formula": "operations / days"}"""))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aCsvFileSavedByChineseExcelIsReadAsGb18030AndTheAnswerSaysSo() throws Exception {
        byte[] csv = "unit,month,measure,value,reason\r\nDEP-CARD,2026-10,discharges,280,病案室补录\r\n"
                .getBytes(java.nio.charset.Charset.forName("GB18030"));
        h.as(h.office, multipart("/api/v1/statistics/import").file(new MockMultipartFile("file", "统计.csv", "text/csv", csv)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.encoding").value("GB18030"));
        h.as(h.analyst, get("/api/v1/statistics?unit=DEP-CARD&from=2026-10&to=2026-10"))
                .andExpect(jsonPath("$[0].value").value(280));
    }

    @Test
    void everyBadRowIsRejectedWithItsFieldAndTheGoodRowsAreKept() throws Exception {
        h.as(h.office, json(post("/api/v1/statistics"), """
                [{"unit": "DEP-CARD", "month": "2026-12", "measure": "discharges", "value": 310},
                 {"unit": "DEP-NONE", "month": "2026-12", "measure": "discharges", "value": 1},
                 {"unit": "DEP-CARD", "month": "2026/12", "measure": "discharges", "value": 1},
                 {"unit": "DEP-CARD", "month": "2027-02", "measure": "discharges", "value": 1},
                 {"unit": "DEP-CARD", "month": "2026-11", "measure": "operations", "value": 1},
                 {"unit": "DEP-CARD", "month": "2026-11", "measure": "discharges", "value": "many"},
                 {"unit": "DEP-CARD", "month": "2027-01", "measure": "discharges", "value": 120.5}]"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.restated").value(0))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.rejected.length()").value(5))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].errors[0].field").value("unit"))
                .andExpect(jsonPath("$.rejected[0].errors[0].message").value("unknown department or institution 'DEP-NONE'"))
                .andExpect(jsonPath("$.rejected[1].errors[0].field").value("month"))
                .andExpect(jsonPath("$.rejected[2].errors[0].field").value("month"))
                .andExpect(jsonPath("$.rejected[2].errors[0].message")
                        .value("the month 2027-02 is in the future (the hospital's current month is 2027-01)"))
                .andExpect(jsonPath("$.rejected[3].errors[0].field").value("measure"))
                .andExpect(jsonPath("$.rejected[4].index").value(5))
                .andExpect(jsonPath("$.rejected[4].errors[0].field").value("value"));
        h.as(h.analyst, get("/api/v1/statistics?unit=DEP-CARD&from=2026-01&to=2027-01"))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].month").value("2026-12")).andExpect(jsonPath("$[0].value").value(310));
    }

    /**
     * A NUL (U+0000) in a cell: PostgreSQL can store no text with one (issue 18 point 4). A row with one is rejected
     * on that field, whatever else it holds, and the file's other rows are kept. Rows 2–4 would be rejected anyway
     * (unknown unit, no month, no number); row 5 would restate October's 280 with a reason, and row 6 record
     * November with one: both now rejected on {@code reason}. Only rows 1 and 7 are stored.
     */
    @Test
    void aNulInAnyCellRejectsItsRowOnThatFieldAndTheRestOfTheFileIsKept() throws Exception {
        String csv = String.join("\n", "unit,month,measure,value,reason",
                "DEP-CARD,2026-10,discharges,280,",
                "DEP-\u0000CARD,2026-10,discharges,1,",
                "DEP-CARD,2026-1\u0000,discharges,1,",
                "DEP-CARD,2026-09,discharges,1\u00002,",
                "DEP-CARD,2026-10,discharges,281,病案室\u0000补录",
                "DEP-CARD,2026-11,discharges,290,a\u0000b",
                "DEP-CARD,2026-12,discharges,300,");
        h.as(h.office, multipart("/api/v1/statistics/import?lang=en").file(new MockMultipartFile("file", "nul.csv",
                        "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.restated").value(0))
                .andExpect(jsonPath("$.rejected[*].index").value(org.hamcrest.Matchers.contains(2, 3, 4, 5, 6)))
                .andExpect(jsonPath("$.rejected[0].errors[0].field").value("unit"))
                .andExpect(jsonPath("$.rejected[1].errors[0].field").value("month"))
                .andExpect(jsonPath("$.rejected[2].errors[0].field").value("value"))
                .andExpect(jsonPath("$.rejected[3].errors[0].field").value("reason"))
                .andExpect(jsonPath("$.rejected[3].errors[0].message").value(
                        "contains a character that cannot be stored (U+0000 or an unpaired surrogate)"))
                .andExpect(jsonPath("$.rejected[4].errors[0].field").value("reason"));
        h.as(h.analyst, get("/api/v1/statistics?unit=DEP-CARD&from=2026-09&to=2026-12"))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].month").value("2026-10")).andExpect(jsonPath("$[0].value").value(280))
                .andExpect(jsonPath("$[1].month").value("2026-12")).andExpect(jsonPath("$[1].value").value(300));
        h.as(h.analyst, get("/api/v1/statistics/restatements?unit=DEP-CARD")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void theSameValueIsADuplicateAndADifferentOneARestatementKeptInTheHistory() throws Exception {
        String first = "[{\"unit\": \"DEP-CARD\", \"month\": \"2026-10\", \"measure\": \"discharges\", \"value\": 300}]";
        h.as(h.office, json(post("/api/v1/statistics"), first)).andExpect(jsonPath("$.accepted").value(1));
        h.as(h.office, json(post("/api/v1/statistics"), first))
                .andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(1));
        // 300.0 is the same value as 300
        h.as(h.office, json(post("/api/v1/statistics"),
                "[{\"unit\": \"DEP-CARD\", \"month\": \"2026-10\", \"measure\": \"discharges\", \"value\": 300.0}]"))
                .andExpect(jsonPath("$.duplicates").value(1));
        h.as(h.office, json(put("/api/v1/statistics/settings"), "{\"restatementNeedsReason\": true}"))
                .andExpect(status().isOk());
        h.as(h.office, json(post("/api/v1/statistics"),
                "[{\"unit\": \"DEP-CARD\", \"month\": \"2026-10\", \"measure\": \"discharges\", \"value\": 296}]"))
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.rejected[0].errors[0].field").value("reason"));
        h.as(h.office, json(post("/api/v1/statistics"), """
                [{"unit": "DEP-CARD", "month": "2026-10", "measure": "discharges", "value": 296,
                  "reason": "HIS 重复计入 4 例"}]"""))
                .andExpect(jsonPath("$.accepted").value(1)).andExpect(jsonPath("$.restated").value(1));
        h.as(h.analyst, get("/api/v1/statistics/restatements?unit=DEP-CARD")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].oldValue").value(300))
                .andExpect(jsonPath("$.items[0].newValue").value(296))
                .andExpect(jsonPath("$.items[0].reason").value("HIS 重复计入 4 例"))
                .andExpect(jsonPath("$.items[0].restatedBy").value(h.office));
    }

    /**
     * New values are stored in one piece and values in force are replaced, in the same batch: 2026-09 is stored
     * before, so the batch [2026-09 → 280, 2026-11 → 310, 2026-11 → 312] restates 2026-09 (280 for 250), stores
     * 2026-11 new and then restates it within the batch (312 for 310): three accepted, two restatements, and the
     * values in force are 280 and 312.
     */
    @Test
    void aBatchStoresNewValuesAndRestatesStoredOnesEvenTwiceInOneBatch() throws Exception {
        h.as(h.office, json(post("/api/v1/statistics"),
                "[{\"unit\": \"DEP-CARD\", \"month\": \"2026-09\", \"measure\": \"discharges\", \"value\": 250}]"))
                .andExpect(jsonPath("$.accepted").value(1));
        h.as(h.office, json(post("/api/v1/statistics"), """
                [{"unit": "DEP-CARD", "month": "2026-09", "measure": "discharges", "value": 280},
                 {"unit": "DEP-CARD", "month": "2026-11", "measure": "discharges", "value": 310},
                 {"unit": "DEP-CARD", "month": "2026-11", "measure": "discharges", "value": 312}]"""))
                .andExpect(jsonPath("$.accepted").value(3)).andExpect(jsonPath("$.restated").value(2))
                .andExpect(jsonPath("$.rejected.length()").value(0));
        h.as(h.analyst, get("/api/v1/statistics?unit=DEP-CARD&from=2026-09&to=2026-11")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].month").value("2026-09")).andExpect(jsonPath("$[0].value").value(280))
                .andExpect(jsonPath("$[1].month").value("2026-11")).andExpect(jsonPath("$[1].value").value(312));
        h.as(h.analyst, get("/api/v1/statistics/restatements?unit=DEP-CARD")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2));
    }

    /**
     * The XLSX template has the CSV template's header and example row as text cells; a workbook of statistics is
     * read as a CSV is: a number cell is the value, a month that Excel turned into a date (2026-11-01, day number
     * 46327 since 1899-12-30) is its month, a text that is not a number is rejected on {@code value}, an unknown
     * measure on {@code measure}, blank rows are not counted (rows 1–4 are the data rows), and the good rows are kept.
     */
    @Test
    void statisticsComeAsAWorkbookAndTheTemplateIsOneToo() throws Exception {
        byte[] template = h.as(h.analyst, get("/api/v1/statistics/template.xlsx")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(template));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            List<List<String>> cells = rows.map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList())
                    .toList();
            assertThat(cells.get(0)).containsExactly("unit", "month", "measure", "value", "reason");
            assertThat(cells.get(1).subList(0, 4)).containsExactly("DEP-001", "2026-12", "discharges", "1234");
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("统计");
        String[] header = {"unit", "month", "measure", "value", "reason"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        ws.value(1, 0, "DEP-CARD");
        ws.value(1, 1, "2026-12");
        ws.value(1, 2, "discharges");
        ws.value(1, 3, 318);
        ws.value(2, 0, "DEP-CARD");
        ws.value(2, 1, LocalDate.of(2026, 11, 1));
        ws.style(2, 1).format("yyyy-mm").set();
        ws.value(2, 2, "discharges");
        ws.value(2, 3, 301.5);
        // row 3 of the sheet is left blank
        ws.value(4, 0, "DEP-CARD");
        ws.value(4, 1, "2026-10");
        ws.value(4, 2, "operations");
        ws.value(4, 3, 12);
        ws.value(5, 0, "DEP-CARD");
        ws.value(5, 1, "2026-09");
        ws.value(5, 2, "discharges");
        ws.value(5, 3, "很多");
        wb.finish();
        h.as(h.office, multipart("/api/v1/statistics/import")
                        .file(new MockMultipartFile("file", "十二月统计.xlsx", XLSX, out.toByteArray())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected.length()").value(2))
                .andExpect(jsonPath("$.rejected[0].index").value(3))
                .andExpect(jsonPath("$.rejected[0].errors[0].field").value("measure"))
                .andExpect(jsonPath("$.rejected[1].index").value(4))
                .andExpect(jsonPath("$.rejected[1].errors[0].field").value("value"));
        h.as(h.analyst, get("/api/v1/statistics?unit=DEP-CARD&from=2026-09&to=2026-12"))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].month").value("2026-11")).andExpect(jsonPath("$[0].value").value(301.5))
                .andExpect(jsonPath("$[1].month").value("2026-12")).andExpect(jsonPath("$[1].value").value(318));

        // an old XLS and a file that only claims to be a workbook: refused whole, with the reason, nothing stored
        h.as(h.office, multipart("/api/v1/statistics/import")
                        .file(new MockMultipartFile("file", "old.xls", "application/vnd.ms-excel", new byte[] {1, 2})))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("XLS (Excel 97–2003)")));
        h.as(h.office, multipart("/api/v1/statistics/import")
                        .file(new MockMultipartFile("file", "fake.xlsx", XLSX, "unit,month".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:meridian:intake:unreadable-file"));
        h.as(h.analyst, get("/api/v1/statistics?unit=DEP-CARD&from=2026-01&to=2027-01"))
                .andExpect(jsonPath("$.length()").value(2));
    }

    /**
     * The event imports take a statistics file too (network §5): recognised by its header, which names
     * {@code measure} and no {@code eventId}, in any column order and case. It is checked row by row as every
     * statistic is (row 2 names an unknown unit, row 3 an unknown measure: both rejected, rows 1 and 4 kept), the
     * same file again is two duplicates, a changed value is a restatement that needs the hospital's reason, and a
     * workbook of statistics is recognised as well. An event file that happens to have a {@code measure} attribute
     * column is still an event file.
     */
    @Test
    void theEventImportsTakeAStatisticsFileByItsHeader() throws Exception {
        String file = """
                Month,Unit,Value,Measure
                2026-11,DEP-CARD,301,discharges
                2026-11,DEP-NONE,1,discharges
                2026-11,DEP-CARD,12,operations
                2026-12,DEP-CARD,318,discharges
                """;
        h.as(h.office, multipart("/api/v1/imports").file(new MockMultipartFile("file", "统计.csv", "text/csv",
                        file.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("STATISTICS"))
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.restated").value(0))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.rejected.length()").value(2))
                .andExpect(jsonPath("$.rejected[0].index").value(2))
                .andExpect(jsonPath("$.rejected[0].errors[0].field").value("unit"))
                .andExpect(jsonPath("$.rejected[0].errors[0].message")
                        .value("unknown department or institution 'DEP-NONE'"))
                .andExpect(jsonPath("$.rejected[1].index").value(3))
                .andExpect(jsonPath("$.rejected[1].errors[0].field").value("measure"));
        h.as(h.analyst, get("/api/v1/statistics?unit=DEP-CARD&from=2026-11&to=2026-12"))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].value").value(301)).andExpect(jsonPath("$[1].value").value(318));

        // the same file again: nothing new, the two good rows are duplicates
        h.as(h.office, multipart("/api/v1/imports").file(new MockMultipartFile("file", "统计.csv", "text/csv",
                        file.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(2))
                .andExpect(jsonPath("$.rejected.length()").value(2));

        // a restatement through the imports needs the reason the hospital asks for
        h.as(h.office, json(put("/api/v1/statistics/settings"), "{\"restatementNeedsReason\": true}"))
                .andExpect(status().isOk());
        String restated = """
                unit,month,measure,value,reason
                DEP-CARD,2026-11,discharges,299,
                DEP-CARD,2026-12,discharges,320,补录 2 例
                """;
        h.as(h.office, multipart("/api/v1/imports").file(new MockMultipartFile("file", "更正.csv", "text/csv",
                        restated.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .andExpect(jsonPath("$.kind").value("STATISTICS"))
                .andExpect(jsonPath("$.accepted").value(1)).andExpect(jsonPath("$.restated").value(1))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].errors[0].field").value("reason"));
        h.as(h.analyst, get("/api/v1/statistics/restatements?unit=DEP-CARD"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].oldValue").value(318)).andExpect(jsonPath("$.items[0].newValue").value(320))
                .andExpect(jsonPath("$.items[0].reason").value("补录 2 例"));

        // a workbook whose first row is the statistics header
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("统计");
        String[] header = {"unit", "month", "measure", "value"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        ws.value(1, 0, "DEP-CARD");
        ws.value(1, 1, "2026-10");
        ws.value(1, 2, "discharges");
        ws.value(1, 3, 288);
        wb.finish();
        h.as(h.office, multipart("/api/v1/imports").file(new MockMultipartFile("file", "十月.xlsx", XLSX,
                        out.toByteArray())))
                .andExpect(jsonPath("$.kind").value("STATISTICS")).andExpect(jsonPath("$.accepted").value(1));

        // an event file with a measure attribute stays an event file (answered with its import)
        String events = """
                eventId,type,channel,occurredAt,referralId,patientId,value,measure
                e-1,REFERRAL,CH-NONE,2026-12-01T09:00:00+08:00,r-1,p-1,,discharges
                """;
        h.as(h.office, multipart("/api/v1/imports").file(new MockMultipartFile("file", "events.csv", "text/csv",
                        events.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").doesNotExist())
                .andExpect(jsonPath("$.importId").exists())
                .andExpect(jsonPath("$.rejected[0].index").value(1));
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
