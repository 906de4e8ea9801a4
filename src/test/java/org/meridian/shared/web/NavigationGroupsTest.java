package org.meridian.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.Role;

/** How visible navigation items are gathered into groups and plain links. */
class NavigationGroupsTest {

    private static NavItem item(String id, int order, NavGroup group) {
        NavItem item = new NavItem(id, order, "nav." + id, "/" + id, Role.ANALYST);
        return group == null ? item : item.inGroup(group);
    }

    /** The top level as text: {@code id} for a plain link, {@code group[id, id]} for a group. */
    private static String outline(List<NavEntry> entries) {
        return entries.stream()
                .map(e -> e.grouped()
                        ? e.group().id() + e.items().stream().map(NavItem::id).collect(Collectors.joining(", ", "[", "]"))
                        : e.item().id())
                .collect(Collectors.joining(" | "));
    }

    @Test
    void itemsOfAGroupGoTogetherAndTheGroupTakesItsOwnPlace() {
        List<NavItem> visible = List.of(item("channels", 20, NavGroup.CHANNELS), item("intake", 30, NavGroup.DATA),
                item("indicators", 40, NavGroup.DATA), item("evaluations", 50, NavGroup.ASSESSMENT),
                item("feedback", 55, NavGroup.ASSESSMENT), item("incentives", 60, NavGroup.INCENTIVES),
                item("help", 95, null));

        assertThat(outline(Navigation.entries(visible)))
                .isEqualTo("channels | data[intake, indicators] | assessment[evaluations, feedback] | incentives | help");
    }

    @Test
    void anUngroupedItemSitsBetweenGroupsByItsOrder() {
        List<NavItem> visible = List.of(item("intake", 30, NavGroup.DATA), item("indicators", 40, NavGroup.DATA),
                item("reports", 45, null), item("evaluations", 50, NavGroup.ASSESSMENT),
                item("appeals", 55, NavGroup.ASSESSMENT), item("admin", 90, NavGroup.ADMIN));

        assertThat(outline(Navigation.entries(visible)))
                .isEqualTo("data[intake, indicators] | reports | assessment[evaluations, appeals] | admin");
    }

    @Test
    void aGroupWithOneVisibleItemIsAPlainLink() {
        List<NavItem> visible = List.of(item("intake", 30, NavGroup.DATA), item("evaluations", 50, NavGroup.ASSESSMENT),
                item("feedback", 55, NavGroup.ASSESSMENT), item("appeals", 56, NavGroup.ASSESSMENT),
                item("incentives", 60, NavGroup.INCENTIVES), item("insights", 70, NavGroup.INSIGHTS));

        List<NavEntry> entries = Navigation.entries(visible);

        assertThat(outline(entries)).isEqualTo("intake | assessment[evaluations, feedback, appeals] | incentives | insights");
        assertThat(entries.get(0).grouped()).isFalse();
        assertThat(entries.get(0).item().labelKey()).isEqualTo("nav.intake");
    }

    @Test
    void aNavigationOfAtMostFiveItemsIsShownFlat() {
        List<NavItem> channelUsers = List.of(item("feedback", 55, NavGroup.ASSESSMENT),
                item("appeals-channel", 56, NavGroup.ASSESSMENT), item("rectification-channel", 58, NavGroup.ASSESSMENT),
                item("own-statements", 61, NavGroup.INCENTIVES));

        assertThat(outline(Navigation.entries(channelUsers)))
                .isEqualTo("feedback | appeals-channel | rectification-channel | own-statements");
        assertThat(Navigation.entries(List.of())).isEmpty();
    }

    @Test
    void theActiveGroupIsTheOneHoldingThePageShown() {
        NavEntry data = new NavEntry(NavGroup.DATA, List.of(item("intake", 30, NavGroup.DATA),
                item("indicators", 40, NavGroup.DATA)));

        assertThat(data.contains("indicators")).isTrue();
        assertThat(data.contains("evaluations")).isFalse();
        assertThat(data.contains(null)).isFalse();
    }

    @Test
    void theOldConstructorsMakeUngroupedItemsAndAGroupIsAddedWithoutChangingTheRest() {
        NavItem plain = new NavItem("appeals", 55, "nav.appeals", "/appeals", Role.ANALYST, java.util.Set.of(Role.CHANNEL_USER));
        NavItem grouped = plain.inGroup(NavGroup.ASSESSMENT);

        assertThat(plain.group()).isNull();
        assertThat(grouped).isEqualTo(new NavItem("appeals", 55, "nav.appeals", "/appeals", Role.ANALYST,
                java.util.Set.of(Role.CHANNEL_USER), NavGroup.ASSESSMENT));
        assertThatThrownBy(() -> new NavEntry(null, List.of(plain, grouped))).isInstanceOf(IllegalArgumentException.class);
    }
}
