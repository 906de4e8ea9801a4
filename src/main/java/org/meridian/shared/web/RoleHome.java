package org.meridian.shared.web;

import java.util.Map;

import org.meridian.shared.Actor;
import org.springframework.ui.Model;

/**
 * A home page of its own for a kind of user whom the hospital's workbench does not serve (the regulator's is the
 * region's workbench). A module contributes it as a bean; the home page ({@code /}) shows the first that serves the
 * signed-in user, at the same address and with the same query parameters, and the hospital's workbench otherwise.
 */
public interface RoleHome {

    boolean serves(Actor actor);

    /**
     * Fills the model and names the view (for an htmx request the fragment of the results).
     *
     * @param params the query parameters of the request
     */
    String render(Actor actor, Map<String, String> params, boolean htmx, Model model);
}
