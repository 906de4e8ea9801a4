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
 * A full Meridian on its own embedded PostgreSQL, with MockMvc. Every test class that uses exactly
 * this annotation (and nothing else that changes the context) shares one Spring context and one
 * database, so keep test data distinct per test (unique codes and usernames). Its clock is the
 * {@link TestClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.class)
public @interface MeridianTest {
}
