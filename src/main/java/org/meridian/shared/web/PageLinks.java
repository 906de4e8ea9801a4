package org.meridian.shared.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links to another page of the list being shown: the current request's path and every filter parameter kept, only
 * {@code page} replaced, so that a pager never forgets a filter the page added later. Templates call it as
 * {@code ${@pageLinks.to(paged.page() + 1)}} (through {@code fragments/lists :: pages(paged)}).
 */
@Component("pageLinks")
public class PageLinks {

    /** The current list at page {@code page} (0-based); the first page drops the parameter. */
    public String to(int page) {
        ServletUriComponentsBuilder link = ServletUriComponentsBuilder.fromCurrentRequest();
        link.replaceQueryParam("page");
        if (page > 0) {
            link.replaceQueryParam("page", page);
        }
        // the path as the browser has it (relative to the host), never an absolute URL with a proxy's host name
        return link.scheme(null).host(null).port(null).build().toUriString();
    }
}
