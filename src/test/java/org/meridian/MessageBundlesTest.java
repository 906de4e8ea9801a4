package org.meridian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every zh-CN bundle has an English twin with exactly the same keys, and no value is empty. */
class MessageBundlesTest {

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        List<String> problems = new ArrayList<>();
        var resolver = new PathMatchingResourcePatternResolver();
        List<Resource> bases = new ArrayList<>();
        bases.add(resolver.getResource("classpath:messages.properties"));
        for (Resource r : resolver.getResources("classpath*:i18n/*.properties")) {
            if (!r.getFilename().contains("_")) {
                bases.add(r);
            }
        }
        assertThat(bases).isNotEmpty();
        for (Resource zh : bases) {
            String enName = zh.getFilename().replace(".properties", "_en.properties");
            Resource en = zh.createRelative(enName);
            if (!en.exists()) {
                problems.add(zh.getFilename() + " has no English twin " + enName);
                continue;
            }
            Properties zhProps = load(zh);
            Properties enProps = load(en);
            Set<String> onlyZh = new TreeSet<>(zhProps.stringPropertyNames());
            onlyZh.removeAll(enProps.stringPropertyNames());
            Set<String> onlyEn = new TreeSet<>(enProps.stringPropertyNames());
            onlyEn.removeAll(zhProps.stringPropertyNames());
            if (!onlyZh.isEmpty()) {
                problems.add(enName + " lacks " + onlyZh);
            }
            if (!onlyEn.isEmpty()) {
                problems.add(zh.getFilename() + " lacks " + onlyEn);
            }
            for (Properties p : List.of(zhProps, enProps)) {
                p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank())
                        .forEach(k -> problems.add("empty value for " + k));
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Properties load(Resource r) throws IOException {
        Properties p = new Properties();
        try (var reader = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
