package org.meridian.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.meridian.shared.problem.MeridianException;

/**
 * On a page controller: when one of its requests fails with the named exception, the shared advice answers with the
 * module's own page instead of the shared error page, with the exception's status kept. The view gets the model
 * attributes {@code status}, {@code detail} (the exception's message in the user's language), the exception's
 * {@link MeridianException#details() details} and {@code activeNav}. E.g. the channel registry's "not found" page
 * with the way back to the registry: {@code @ProblemPage(value = ChannelNotFoundException.class,
 * view = "channels/not-found", activeNav = "channels")}. The API and every other failure stay the advice's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ProblemPage.List.class)
public @interface ProblemPage {

    /** The exception (and its subclasses) that this page answers. */
    Class<? extends MeridianException> value();

    /** The template, e.g. {@code channels/not-found}. */
    String view();

    /** The navigation entry to mark ({@code activeNav}), e.g. {@code channels}; none when empty. */
    String activeNav() default "";

    /** Several pages on one controller. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        ProblemPage[] value();
    }
}
