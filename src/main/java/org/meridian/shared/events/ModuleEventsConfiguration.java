package org.meridian.shared.events;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * How events between modules are delivered (docs/adr/0004-event-publication-registry.md). A listener is an
 * {@code @ApplicationModuleListener}: Spring Modulith records one publication per listener in the publishing
 * transaction, calls the listener after that transaction committed, in a transaction of its own, and marks the
 * publication completed when the listener returned. A publication left incomplete by a crash or a failure is
 * delivered again at the next start ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 * <p>
 * {@code @ApplicationModuleListener} is also {@code @Async}; Meridian runs it on the publishing thread right after
 * the commit, so that whoever publishes (a person publishing an evaluation) finds the listeners' work done when the
 * answer arrives, as before the registry. A listener's failure never reaches the publisher: it is logged here and
 * its publication stays incomplete. Work that must run elsewhere names its own executor
 * ({@code @Async("mailDelivery")}).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class ModuleEventsConfiguration implements AsyncConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleEventsConfiguration.class);

    @Override
    public Executor getAsyncExecutor() {
        return new SyncTaskExecutor();
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return ModuleEventsConfiguration::listenerFailed;
    }

    private static void listenerFailed(Throwable failure, Method listener, Object... arguments) {
        LOG.error("{}.{} failed on {}; its event publication stays incomplete and is delivered again at the next "
                        + "start", listener.getDeclaringClass().getSimpleName(), listener.getName(),
                Arrays.toString(arguments), failure);
    }
}
