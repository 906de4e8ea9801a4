package org.meridian.shared.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.meridian.shared.web.HomeFigure;
import org.meridian.shared.web.HomeFigures;
import org.springframework.stereotype.Component;

/** Home-page figures of the accounts area, for administrators. */
@Component
class AccountFigures implements HomeFigures {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Clock clock;

    AccountFigures(Accounts accounts, ApiTokens tokens, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public List<HomeFigure> figures(MeridianUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long active = tokens.ofHospital(user.hospitalId()).stream().filter(t -> t.active(now)).count();
        return List.of(
                new HomeFigure(900, "home.figure.accounts", String.valueOf(accounts.countUsers(user.hospitalId())),
                        "/admin/users", "normal"),
                new HomeFigure(910, "home.figure.tokens", String.valueOf(active), "/admin/tokens", "normal"));
    }
}
