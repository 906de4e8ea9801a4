package org.meridian.shared.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meridian.support.Bundles;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** The audit page speaks words: action names, details as "field: old → new", the machine itself as 本机. */
class AuditTextTest {

    private final AuditText text = new AuditText(Bundles.messages(), JsonMapper.builder().build());


    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void detailsReadAsFieldOldArrowNewWithRoleNames() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(text.details("{\"roles\": {\"old\": [\"ANALYST\"], \"new\": [\"CHANNEL_MANAGER\", \"ADMIN\"]}}"))
                .containsExactly("角色：只读分析 → 渠道管理、系统管理员");
        assertThat(text.details("{\"locked\": {\"old\": true, \"new\": false}, \"reason\": \"误锁\"}"))
                .containsExactly("锁定：是 → 否", "原因：误锁");
        assertThat(text.details("{}")).isEmpty();
        assertThat(text.details(null)).isEmpty();
        assertThat(text.action("ROLES_CHANGED")).isEqualTo("修改角色");
        assertThat(text.action("INCENTIVE_SANCTION_WARNING")).isEqualTo("处罚建议（预警）");
        assertThat(text.who("system:incentive-drafting")).isEqualTo("系统（自动）");
        assertThat(text.who("system")).isEqualTo("系统（自动）");
        assertThat(text.who("office")).isEqualTo("office");
        assertThat(text.address("0:0:0:0:0:0:0:1")).isEqualTo("本机");
        assertThat(text.address("127.0.0.1")).isEqualTo("本机");
        assertThat(text.address("10.2.3.4")).isEqualTo("10.2.3.4");
    }

    @Test
    void storedCodesReadAsTheirNames() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(text.details("{\"status\": {\"old\": \"DRAFT\", \"new\": \"REVIEWED\"}, \"urgency\": \"URGENT\","
                + " \"unitType\": \"EXAM_CENTER\", \"code\": \"CH-001\"}"))
                .containsExactly("状态：草稿 → 已复核", "紧急程度：加急", "渠道类型：体检中心", "编码：CH-001");
        assertThat(text.target("EXAM_CENTER")).isEqualTo("体检中心");
        assertThat(text.target("plan 2")).isEqualTo("plan 2");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.details("{\"status\": {\"old\": \"SUBMITTED\", \"new\": \"UPHELD\"}}"))
                .containsExactly("status: submitted → upheld");
    }

    @Test
    void inEnglishToo() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.action("LOGIN_SUCCESS")).isEqualTo("Signed in");
        assertThat(text.details("{\"enabled\": {\"old\": false, \"new\": true}}")).containsExactly("enabled: no → yes");
    }

    /** Every action code written by an {@code audit.record(...)} call in the code base has a name in both languages. */
    @Test
    void everyRecordedActionHasANameInChineseAndEnglish() throws IOException {
        Pattern call = Pattern.compile("audit\\.record\\((.*?)\\);", Pattern.DOTALL);
        Pattern code = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    Matcher c = code.matcher(m.group(1));
                    if (c.find()) {
                        actions.add(c.group(1));
                    }
                }
            }
        }
        assertThat(actions).contains("ROLES_CHANGED", "EVALUATION_PUBLISHED");   // the scan finds the calls
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            LocaleContextHolder.setLocale(locale);
            assertThat(actions).as("actions without a name in " + locale).allSatisfy(a ->
                    assertThat(text.named(a)).as(a).isTrue());
        }
    }
}
