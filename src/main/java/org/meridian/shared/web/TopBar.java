package org.meridian.shared.web;

import java.util.List;
import java.util.Optional;

import org.meridian.shared.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The top bar's badges for the signed-in user, used by the layout as {@code @topBar.badges()}. */
@Component("topBar")
public class TopBar {

    private final ObjectProvider<TopBarBadge> badges;

    TopBar(ObjectProvider<TopBarBadge> badges) {
        this.badges = badges;
    }

    /** Every contributed badge shown to the signed-in user, in bean order; none for an anonymous request. */
    public List<TopBarBadge.Shown> badges() {
        return CurrentUser.find()
                .map(user -> badges.orderedStream().map(b -> b.shown(user.actor())).flatMap(Optional::stream).toList())
                .orElse(List.of());
    }
}
