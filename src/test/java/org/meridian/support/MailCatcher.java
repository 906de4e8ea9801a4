package org.meridian.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real SMTP server (GreenMail) on a free port for each test method, with the test's Meridian sending its mail to
 * it: the application's mail sender is pointed at it before the method and back at its configured port after.
 * Register it as {@code @RegisterExtension static MailCatcher smtp = new MailCatcher();} in a Spring test and read
 * what arrived with {@code smtp.getReceivedMessages()}.
 */
public final class MailCatcher extends GreenMailExtension {

    private int configuredPort;

    public MailCatcher() {
        super(ServerSetupTest.SMTP.dynamicPort());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        super.beforeEach(context);
        JavaMailSenderImpl sender = sender(context);
        configuredPort = sender.getPort();
        sender.setPort(getSmtp().getPort());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sender(context).setPort(configuredPort);
        super.afterEach(context);
    }

    private static JavaMailSenderImpl sender(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(JavaMailSenderImpl.class);
    }
}
