package org.meridian;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Meridian (经络): performance management for a hospital's referral channels.
 *
 * <p>{@code --demo} (or {@code MERIDIAN_DEMO=true}) starts it with a demo hospital, demo accounts
 * for every role and each module's demo data.
 */
@SpringBootApplication
@EnableScheduling
public class MeridianApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeridianApplication.class, demoSwitch(args));
    }

    /** Turns the bare {@code --demo} switch into the property {@code meridian.demo=true}. */
    static String[] demoSwitch(String[] args) {
        return Arrays.stream(args)
                .map(arg -> arg.equals("--demo") ? "--meridian.demo=true" : arg)
                .toArray(String[]::new);
    }
}
