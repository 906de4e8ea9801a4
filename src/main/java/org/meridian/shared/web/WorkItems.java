package org.meridian.shared.web;

import java.util.List;

import org.meridian.shared.Actor;

/**
 * Implemented by a module that puts work on the home page's to-do inbox (待办): called for the signed-in person on
 * every visit of the home page, it lists what waits for that person now — never what they prepared themselves and
 * someone else must decide (the four-eyes rule) — and nothing once it is done. Keep it to one or two queries.
 */
public interface WorkItems {

    List<WorkItem> items(Actor actor);
}
