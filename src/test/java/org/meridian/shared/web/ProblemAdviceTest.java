package org.meridian.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.ConflictException;
import org.meridian.shared.problem.FourEyes;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.NotFoundException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.problem.UnavailableException;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one advice as a caller meets it: the same exception answers an API client with problem details (type URN,
 * title, detail and field errors in the caller's language) and a browser with the error page, status kept. The
 * expected sentences are the bundles' texts (i18n/appeal*, i18n/channel*, i18n/api*) with the arguments filled in.
 */
class ProblemAdviceTest {

    @RestController
    static class Api {
        @GetMapping("/api/t/appeals/{id}")
        void appeal(@PathVariable long id) {
            throw new NotFoundException("appeal", "appeal", id, "appeal.problem.notFound.appeal");
        }

        @GetMapping("/api/t/invalid")
        void invalid() {
            throw new InvalidInputException("channel", List.of(Problem.of("name", "channel.error.required"),
                    Problem.of("notes", "channel.error.tooLong", 50)));
        }

        @GetMapping("/api/t/four-eyes")
        void fourEyes() {
            FourEyes.require("appeal", "wang", new Actor(1, "wang", java.util.Set.of(), null),
                    "appeal.refused.fourEyes");
        }

        @GetMapping("/api/t/status")
        void status() {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "already published");
        }

        @GetMapping("/api/t/boom")
        void boom() {
            throw new IllegalStateException("ERROR: duplicate key value violates unique constraint \"secret_pk\"");
        }

        @GetMapping("/api/t/search")
        String search(@org.springframework.web.bind.annotation.RequestParam String q) {
            return "searched " + q.codePointCount(0, q.length()) + " characters";
        }

        record Line(String note) { }

        record Body(String name, List<Line> lines) { }

        @org.springframework.web.bind.annotation.PostMapping("/api/t/body")
        String body(@org.springframework.web.bind.annotation.RequestBody Body body) {
            return "stored " + body.name();
        }

        @GetMapping("/api/t/raced")
        void raced() {
            throw new org.springframework.dao.DuplicateKeyException(
                    "ERROR: duplicate key value violates unique constraint \"statement_line_pk\"");
        }

        @org.springframework.web.bind.annotation.PatchMapping("/api/t/body")
        String patch(@org.springframework.web.bind.annotation.RequestBody java.util.Map<String, Object> body) {
            return "patched " + body.keySet();
        }
    }

    @RestController
    @EnglishByDefault
    static class EnglishApi {
        @GetMapping("/api/t/english/{id}")
        void appeal(@PathVariable long id) {
            throw new NotFoundException("appeal", "appeal", id, "appeal.problem.notFound.appeal");
        }
    }

    @Controller
    static class Pages {
        @GetMapping("/t/appeals/{id}")
        String appeal(@PathVariable long id) {
            throw new NotFoundException("appeal", "appeal", id, "appeal.problem.notFound.appeal");
        }

        @GetMapping("/t/state")
        String state() {
            throw new ConflictException("appeal", "order", "appeal.refused.closed", List.of("已驳回"),
                    "appeal closed");
        }

        @GetMapping("/t/boom")
        String boom() {
            throw new IllegalStateException("boom");
        }

        @GetMapping("/t/legacy")
        String legacy() {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** A page controller with pages of its own for a not-found and a missing font (as the channel and feedback pages). */
    @Controller
    @ProblemPage(value = NotFoundException.class, view = "t/not-found", activeNav = "t")
    @ProblemPage(value = UnavailableException.class, view = "t/no-font")
    static class OwnPages {
        @GetMapping("/own/appeals/{id}")
        String appeal(@PathVariable long id) {
            throw new NotFoundException("appeal", "appeal", id, "appeal.problem.notFound.appeal");
        }

        @GetMapping("/own/pdf")
        String pdf() {
            throw new NoFont();
        }

        @GetMapping("/own/state")
        String state() {
            throw new ConflictException("appeal", "order", "appeal.refused.closed", List.of("已驳回"), "closed");
        }
    }

    /** As feedback's missing font: 503 with the places looked at. */
    static class NoFont extends UnavailableException {
        NoFont() {
            super("feedback", "pdf-font-missing", "feedback.problem.pdfFontMissing", List.of("/a.ttc, /b.ttc"),
                    "no font");
        }

        @Override
        public java.util.Map<String, Object> details() {
            return java.util.Map.of("searched", List.of("/a.ttc", "/b.ttc"));
        }
    }

    @RestController
    static class FontApi {
        @GetMapping("/api/t/pdf")
        void pdf() {
            throw new NoFont();
        }
    }

    private final MockMvc mvc;

    ProblemAdviceTest() {
        WebConfiguration web = new WebConfiguration();
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("spring", new ResponseEntityExceptionHandler() { });
        mvc = MockMvcBuilders.standaloneSetup(new Api(), new EnglishApi(), new Pages(), new OwnPages(), new FontApi())
                .setControllerAdvice(new ProblemAdvice(web.messageSource(),
                        beans.getBeanProvider(ResponseEntityExceptionHandler.class)), new StorableBodies())
                .setLocaleResolver(web.localeResolver())
                .addInterceptors(lang, new UnstorableParameters())
                .build();
    }

    @Test
    void notFoundOnTheApiIsAProblemWithItsUrnInChineseUnlessEnglishIsAsked() throws Exception {
        mvc.perform(get("/api/t/appeals/9999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:meridian:appeal:appeal-not-found"))
                .andExpect(jsonPath("$.title").value("未找到"))
                .andExpect(jsonPath("$.detail").value("没有编号为 9999 且您可查看的申诉。"))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/t/appeals/9999").param("lang", "en"))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("There is no appeal 9999 that you may see."));
        mvc.perform(get("/api/t/appeals/9999").cookie(new Cookie("meridian-lang", "en")))
                .andExpect(jsonPath("$.detail").value("There is no appeal 9999 that you may see."));
    }

    @Test
    void anApiMarkedEnglishByDefaultAnswersEnglishUntilTheCallerAsksForChinese() throws Exception {
        mvc.perform(get("/api/t/english/7"))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("There is no appeal 7 that you may see."));
        mvc.perform(get("/api/t/english/7").header("Accept-Language", "zh-CN,zh;q=0.9"))
                .andExpect(jsonPath("$.detail").value("没有编号为 7 且您可查看的申诉。"));
        mvc.perform(get("/api/t/english/7").param("lang", "zh-CN"))
                .andExpect(jsonPath("$.title").value("未找到"));
    }

    @Test
    void invalidInputListsEveryFieldWithItsMessage() throws Exception {
        mvc.perform(get("/api/t/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:meridian:channel:invalid-input"))
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.detail").value("请求有 2 处问题"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("必填"))
                .andExpect(jsonPath("$.errors[1].field").value("notes"))
                .andExpect(jsonPath("$.errors[1].message").value("不能超过 50 个字符"));
        mvc.perform(get("/api/t/invalid").param("lang", "en"))
                .andExpect(jsonPath("$.errors[1].message").value("At most 50 characters"));
    }

    @Test
    void theFourEyesRuleIsA403WithItsOwnKind() throws Exception {
        mvc.perform(get("/api/t/four-eyes"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:meridian:appeal:four-eyes"))
                .andExpect(jsonPath("$.title").value("无权进行此操作"))
                .andExpect(jsonPath("$.detail").value("这项申诉是您提出的，须由另一位同事受理和决定（四眼原则）。"));
    }

    @Test
    void springsOwnFailuresReachTheApiAsSpringAnswersThem() throws Exception {
        mvc.perform(get("/api/t/status").accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("already published"));
    }

    @Test
    void aBrowserGetsTheErrorPageWithTheStatusKept() throws Exception {
        mvc.perform(get("/t/appeals/9999").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error"))
                .andExpect(model().attribute("status", 404))
                .andExpect(model().attribute("detail", "没有编号为 9999 且您可查看的申诉。"));
        mvc.perform(get("/t/state").accept(MediaType.TEXT_HTML))
                .andExpect(status().isConflict())
                .andExpect(model().attribute("detail", "申诉已结束（已驳回），不能再添加材料。"));
        mvc.perform(get("/t/legacy").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound()).andExpect(view().name("error"));
    }

    @Test
    void aProgramOnAPagePathStillGetsProblemDetails() throws Exception {
        mvc.perform(get("/t/appeals/9999").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:meridian:appeal:appeal-not-found"));
        mvc.perform(get("/t/legacy"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void anUnexpectedFailureIsA500ProblemThatKeepsItsMessageToTheLog() throws Exception {
        mvc.perform(get("/api/t/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:meridian:unexpected"))
                .andExpect(jsonPath("$.title").value("服务器错误"))
                .andExpect(jsonPath("$.detail").value("服务器内部出错，已记录在日志中；请稍后重试，如仍出错请联系系统管理员。"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret_pk"))));
        mvc.perform(get("/t/boom").accept(MediaType.TEXT_HTML))
                .andExpect(status().isInternalServerError())
                .andExpect(view().name("error"))
                .andExpect(model().attribute("status", 500));
    }

    @Test
    void aNulOrALoneSurrogateInAParameterIsBadInputOfThatParameter() throws Exception {
        mvc.perform(get("/api/t/search").param("q", "张\u0000三"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:meridian:request:invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("q"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("含有无法保存的字符（U+0000 空字符或不成对的代理字符），请删除后重试。"));
        mvc.perform(get("/api/t/search").param("q", "ab\uD800"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        // a well-formed pair (an emoji) and ordinary Chinese are stored as they are
        mvc.perform(get("/api/t/search").param("q", "张三\uD83D\uDE00"))
                .andExpect(status().isOk())
                .andExpect(content().string("searched 3 characters"));   // 张, 三 and the emoji
    }

    @Test
    void aNulInABodyNamesItsFieldByPathAndNothingIsDone() throws Exception {
        // JSON's escape \u0000 is how a NUL arrives in a body
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/t/body")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ok\",\"lines\":[{\"note\":\"fine\"},{\"note\":\"a\\u0000b\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("lines[1].note"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/t/body")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\\u0000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/t/body")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ok\",\"lines\":[{\"note\":\"fine\"}]}"))
                .andExpect(status().isOk())
                .andExpect(content().string("stored ok"));
    }

    @Test
    void aBodyThatIsNotJsonOfTheExpectedShapeIsAProblemOfTheFieldBody() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/t/body")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"ok\", \"lines\": 7"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message").value("请求内容不是预期结构的 JSON。"))
                // the parser's own words (class names, the input) are not repeated to the caller
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Body"))));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/t/body")
                        .param("lang", "en").contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("The request body is not readable JSON of the expected shape."));
    }

    @Test
    void twoRequestsRacingForOneKeyAnswerTheLaterWith409AndNoDatabaseText() throws Exception {
        mvc.perform(get("/api/t/raced"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("当前状态不允许此操作"))
                .andExpect(jsonPath("$.detail").value("数据刚被他人修改，请刷新后重试。"))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("statement_line_pk"))));
    }

    @Test
    void aPageControllerThatNamesItsOwnPageGetsItForThatFailureOnly() throws Exception {
        // as a page controller's own handler once did: every request of the controller, whatever it accepts
        for (String accept : List.of(MediaType.TEXT_HTML_VALUE, MediaType.ALL_VALUE)) {
            mvc.perform(get("/own/appeals/9999").accept(accept))
                    .andExpect(status().isNotFound())
                    .andExpect(view().name("t/not-found"))
                    .andExpect(model().attribute("activeNav", "t"))
                    .andExpect(model().attribute("detail", "没有编号为 9999 且您可查看的申诉。"));
        }
        mvc.perform(get("/own/pdf").accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andExpect(view().name("t/no-font"))
                .andExpect(model().attribute("searched", List.of("/a.ttc", "/b.ttc")));
        // a failure it names no page for: the shared error page
        mvc.perform(get("/own/state").accept(MediaType.TEXT_HTML))
                .andExpect(status().isConflict())
                .andExpect(view().name("error"));
        // another controller's not-found: the shared error page
        mvc.perform(get("/t/appeals/9999").accept(MediaType.TEXT_HTML)).andExpect(view().name("error"));
    }

    @Test
    void somethingOnlyAnOperatorCanProvideIsA503WithWhatIsMissing() throws Exception {
        mvc.perform(get("/api/t/pdf"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:meridian:feedback:pdf-font-missing"))
                .andExpect(jsonPath("$.title").value("无法生成 PDF"))
                .andExpect(jsonPath("$.searched[1]").value("/b.ttc"));
        mvc.perform(get("/api/t/pdf").param("lang", "en"))
                .andExpect(jsonPath("$.title").value("No CJK font for the PDF"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.endsWith("Places looked at: /a.ttc, /b.ttc")));
    }
}
