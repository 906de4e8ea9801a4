package org.meridian.notification;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends one e-mail through the SMTP server of {@code spring.mail.*}; without one configured, every send fails. */
@Component
class MailGateway {

    private final ObjectProvider<JavaMailSender> sender;
    private final DeliverySettings.Outbound outbound;

    MailGateway(ObjectProvider<JavaMailSender> sender, DeliverySettings.Outbound outbound) {
        this.sender = sender;
        this.outbound = outbound;
    }

    void send(String to, String subject, String body) throws DeliveryFailedException {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new DeliveryFailedException("no SMTP server configured (spring.mail.host)");
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(outbound.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body);
            mail.send(message);
        } catch (MailException | MessagingException e) {
            throw new DeliveryFailedException("SMTP: " + DeliveryFailedException.deepest(e));
        }
    }
}
