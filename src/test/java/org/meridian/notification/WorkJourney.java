package org.meridian.notification;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.meridian.shared.tenant.Hospitals;
import org.meridian.support.MailCatcher;
import org.meridian.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the work journeys of issue 12 set up alike ({@link WorkDoneJourneyTest}, {@link IncentiveWorkJourneyTest},
 * {@link AdminSignOffJourneyTest}, {@link ChannelWorkJourneyTest}): the test Meridian on its port (each journey is a
 * {@code @MeridianWebTest}), a real SMTP server for each test method, the accounts and hospitals to make a hospital
 * of the journey's own, and the next person's side of the work ({@link #next()}).
 */
abstract class WorkJourney {

    @RegisterExtension
    static MailCatcher smtp = new MailCatcher();

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired Hospitals hospitals;
    @Autowired DeliverySender sender;

    /** The next person: chooses e-mail, is told on the bell, and receives the hospital's mail. */
    NextPerson next() {
        return new NextPerson(port, sender, smtp);
    }
}
