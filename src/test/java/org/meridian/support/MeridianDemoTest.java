package org.meridian.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Meridian started in demo mode ({@code --demo}: the demo hospital, accounts and every module's demo data), with
 * MockMvc and on a random port (for a real browser over the demo data, {@code PhonePassTest}), on its own embedded
 * PostgreSQL, at the {@linkplain TestClock test clock}'s day. All classes with this
 * annotation share one context, so the demo data is created once; tests that add data keep it apart from what
 * the others read.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"meridian.demo=true", "meridian.admin-password="})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.class)
public @interface MeridianDemoTest {
}
