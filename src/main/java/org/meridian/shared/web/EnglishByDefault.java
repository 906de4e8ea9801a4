package org.meridian.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API controller whose answers, problem details included, are English unless the caller asks for another
 * language ({@link CallerLanguage#englishUnlessAsked}): for an API whose English wording was published before
 * Meridian spoke Chinese to programs (the intake API). Every other API answers zh-CN unless asked for English.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EnglishByDefault {
}
