package org.meridian.shared.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.meridian.shared.security.CurrentUser;
import org.meridian.shared.security.HospitalChooser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The top bar's badges for the signed-in user, used by the layout as {@code @topBar.badges()}, and the hospital acted
 * in for a person granted further hospitals ({@code @topBar.hospital()}).
 */
@Component("topBar")
public class TopBar {

    private final ObjectProvider<TopBarBadge> badges;
    private final HospitalChooser chooser;

    TopBar(ObjectProvider<TopBarBadge> badges, HospitalChooser chooser) {
        this.badges = badges;
        this.chooser = chooser;
    }

    /**
     * The hospital the pages act in, for a person who may choose among several (a link to the chooser); null for
     * everyone else, who has nothing to switch.
     */
    public HospitalChooser.Shown hospital() {
        Long chosen = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpSession session = request.getRequest().getSession(false);
            if (session != null && session.getAttribute(HospitalChooser.SESSION_ATTRIBUTE) instanceof Long id) {
                chosen = id;
            }
        }
        Long c = chosen;
        return CurrentUser.find().flatMap(user -> chooser.shown(user, c)).orElse(null);
    }

    /** Every contributed badge shown to the signed-in user, in bean order; none for an anonymous request. */
    public List<TopBarBadge.Shown> badges() {
        return CurrentUser.find()
                .map(user -> badges.orderedStream().map(b -> b.shown(user.actor())).flatMap(Optional::stream).toList())
                .orElse(List.of());
    }
}
