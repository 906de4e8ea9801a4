package org.meridian.shared.web;

import java.util.List;

import org.meridian.shared.Actor;

/** Implemented by a module that puts charts (trends, distributions) on the home page; called for the signed-in person. */
public interface HomeCharts {

    List<HomeChart> charts(Actor actor);
}
