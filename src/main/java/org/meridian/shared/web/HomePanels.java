package org.meridian.shared.web;

import java.util.List;

/** Implemented by a module that puts short lists (e.g. overdue work) on the home page; called for the signed-in user. */
public interface HomePanels {

    List<HomePanel> panels(org.meridian.shared.security.MeridianUser user);
}
