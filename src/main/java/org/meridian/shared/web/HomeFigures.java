package org.meridian.shared.web;

import java.util.List;

import org.meridian.shared.security.MeridianUser;

/** Implemented by a module that puts key figures on the home page; called for the signed-in user. */
public interface HomeFigures {

    List<HomeFigure> figures(MeridianUser user);
}
