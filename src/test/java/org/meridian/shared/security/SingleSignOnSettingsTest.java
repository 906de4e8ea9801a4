package org.meridian.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.meridian.shared.security.SingleSignOnSettings.SecondFactorByProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * How the single sign-on settings are read (as environment variables and as properties), checked at the start against
 * the providers registered, and how the provider's claims are read with them: roles from groups, and whether the
 * sign-in was two factors (RFC 8176).
 */
class SingleSignOnSettingsTest {

    private static SingleSignOnSettings settings(Map<Role, List<String>> roles, SecondFactorByProvider secondFactor) {
        return new SingleSignOnSettings("preferred_username", false, "", Set.of(Role.ANALYST), "groups", roles,
                secondFactor, Map.of());
    }

    @Test
    void rolesComeFromTheGroupsThatNameThemIgnoringCaseInAListOrOneText() {
        var sso = settings(Map.of(Role.HOSPITAL_MANAGER, List.of("Leaders"), Role.ANALYST, List.of("staff", "readers")),
                SecondFactorByProvider.AMR);

        assertThat(sso.rolesFor(List.of("leaders", "nurses"))).containsExactly(Role.HOSPITAL_MANAGER);
        assertThat(sso.rolesFor("readers, LEADERS")).containsExactlyInAnyOrder(Role.HOSPITAL_MANAGER, Role.ANALYST);
        assertThat(sso.rolesFor("staff readers")).containsExactly(Role.ANALYST);
        assertThat(sso.rolesFor(List.of("nurses"))).isEmpty();
        assertThat(sso.rolesFor(null)).isEmpty();
    }

    /**
     * Environment variables as the process holds them, under the name Spring gives the process environment, so that
     * they are read as the server reads them.
     */
    private static PropertySource<?> variables(Map<String, Object> variables) {
        return new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                variables);
    }

    /** The settings as Meridian binds them at start-up from one source of properties. */
    private static SingleSignOnSettings bound(PropertySource<?> source) {
        return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("meridian.sso",
                SingleSignOnSettings.class);
    }

    @Test
    void theSettingsAreReadFromEnvironmentVariablesAsTheDocsWriteThem() {
        var environment = variables(Map.of(
                "MERIDIAN_SSO_ROLES_CLAIM", "groups",
                "MERIDIAN_SSO_ROLE_HOSPITAL_MANAGER", "leaders",
                "MERIDIAN_SSO_ROLE_ANALYST", "finance,quality",
                "MERIDIAN_SSO_NEW_ACCOUNT_ROLES", "CHANNEL_MANAGER",
                "MERIDIAN_SSO_SECOND_FACTOR", "never"));

        var sso = bound(environment);

        assertThat(sso.rolesClaim()).isEqualTo("groups");
        assertThat(sso.roles()).containsOnlyKeys(Role.HOSPITAL_MANAGER, Role.ANALYST);
        assertThat(sso.rolesFor(List.of("leaders"))).containsExactly(Role.HOSPITAL_MANAGER);
        assertThat(sso.rolesFor(List.of("quality"))).containsExactly(Role.ANALYST);
        assertThat(sso.newAccountRoles()).containsExactly(Role.CHANNEL_MANAGER);
        assertThat(sso.secondFactor()).isEqualTo(SecondFactorByProvider.NEVER);
        assertThat(sso.usernameClaim()).isEqualTo("preferred_username");
    }

    @Test
    void eachProviderIsBoundToItsHospitalByItsRegistrationAndTheOlderSettingBindsTheRest() {
        var environment = variables(Map.of(
                "MERIDIAN_SSO_HOSPITAL_HOSPITAL", "H001",
                "MERIDIAN_SSO_HOSPITAL_CITY", "H002",
                "MERIDIAN_SSO_NEW_ACCOUNT_HOSPITAL", "H009"));

        var sso = bound(environment);

        assertThat(sso.hospitalOf("hospital")).isEqualTo("H001");
        assertThat(sso.hospitalOf("city")).isEqualTo("H002");
        assertThat(sso.hospitalOf("county")).isEqualTo("H009"); // not bound on its own: the older setting
        assertThat(bound(new MapPropertySource("application.properties", Map.of(
                "meridian.sso.hospital.hospital", " H001 "))).hospitalOf("hospital")).isEqualTo("H001");
        assertThat(bound(new MapPropertySource("application.properties", Map.of())).hospitalOf("hospital")).isEmpty();
    }

    /** Meridian's settings, as its security configuration enables them. */
    @EnableConfigurationProperties(SingleSignOnSettings.class)
    static class Settings {
    }

    /** A client registration as Spring Boot makes one from {@code spring.security.oauth2.client.registration.<id>}. */
    private static ClientRegistration registration(String id) {
        return ClientRegistration.withRegistrationId(id).clientId("meridian").clientSecret("secret")
                .clientName("院内统一身份认证").scope("openid")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("https://sso.example-hospital.cn/auth")
                .tokenUri("https://sso.example-hospital.cn/token")
                .build();
    }

    /** The beans of the start that read the providers and their bindings, with these environment variables. */
    private static ApplicationContextRunner starting(Map<String, Object> variables) {
        return new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().getPropertySources()
                        .addFirst(variables(variables)))
                .withUserConfiguration(Settings.class)
                .withBean(ClientRegistrationRepository.class,
                        () -> new InMemoryClientRegistrationRepository(registration("hospital")))
                .withBean(SingleSignOnProviders.class);
    }

    @Test
    void aHospitalBoundToARegistrationThatDoesNotExistStopsTheStartNamingTheSetting() {
        // the one registration is "hospital"; the second binding names "county" (a typo, or a provider not registered
        // yet), which would leave the provider it was meant for bound to no hospital
        starting(Map.of("MERIDIAN_SSO_HOSPITAL_HOSPITAL", "H001", "MERIDIAN_SSO_HOSPITAL_COUNTY", "H002"))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasRootCauseInstanceOf(IllegalStateException.class)
                        .hasRootCauseMessage("meridian.sso.hospital.county: there is no OpenID Connect client "
                                + "registration 'county' (spring.security.oauth2.client.registration.county.*) to "
                                + "bind to a hospital"));

        // bound to the registration that exists, the same start goes on and offers the provider
        starting(Map.of("MERIDIAN_SSO_HOSPITAL_HOSPITAL", "H001")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SingleSignOnProviders.class).all()).containsExactly(new SingleSignOnProviders
                    .Provider("hospital", "院内统一身份认证", "/oauth2/authorization/hospital"));
        });
    }

    @Test
    void thePropertiesFormNamesTheRoleInLowerCaseWithDashesOrAsTheRoleIsWritten() {
        var properties = new MapPropertySource("application.properties", Map.of(
                "meridian.sso.roles-claim", "roles",
                "meridian.sso.role.hospital-manager", "Leaders",
                "meridian.sso.role.CHANNEL_MANAGER", "office",
                "meridian.sso.role.analyst", "finance, quality"));

        var sso = bound(properties);

        assertThat(sso.rolesFor("leaders office quality")).containsExactlyInAnyOrder(Role.HOSPITAL_MANAGER,
                Role.CHANNEL_MANAGER, Role.ANALYST);
        assertThat(sso.newAccountRoles()).containsExactly(Role.ANALYST); // the default
    }

    @Test
    void aRoleNameThatIsNoRoleStopsTheStartWithTheSettingNamed() {
        var environment = variables(Map.of("MERIDIAN_SSO_ROLE_HEAD_NURSE", "nurses"));

        assertThatThrownBy(() -> bound(environment)).isInstanceOf(BindException.class)
                .hasMessageContaining("meridian.sso");
    }

    @Test
    void rolesBoundToAChannelOrTheRegionAreNeverMappedFromTheProvider() {
        assertThatThrownBy(() -> settings(Map.of(Role.CHANNEL_USER, List.of("partners")), SecondFactorByProvider.AMR))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CHANNEL_USER");
        assertThatThrownBy(() -> new SingleSignOnSettings("sub", true, "", Set.of(Role.REGION_ADMIN), "", Map.of(),
                SecondFactorByProvider.AMR, Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REGION_ADMIN");
    }

    @Test
    void twoDifferentFactorsOrMfaCountAsTheSecondStepOnePasswordDoesNot() {
        var amr = settings(Map.of(), SecondFactorByProvider.AMR);

        assertThat(amr.countsAsSecondStep(List.of("pwd", "otp"))).isTrue();   // something known and something held
        assertThat(amr.countsAsSecondStep(List.of("mfa"))).isTrue();
        assertThat(amr.countsAsSecondStep(List.of("hwk", "fpt"))).isTrue();   // a key unlocked by a fingerprint
        assertThat(amr.countsAsSecondStep(List.of("pwd"))).isFalse();
        assertThat(amr.countsAsSecondStep(List.of("pwd", "pwd"))).isFalse();  // the same factor twice is one
        assertThat(amr.countsAsSecondStep(List.of("otp", "user"))).isFalse(); // "user" (presence) is not a factor
        assertThat(amr.countsAsSecondStep(null)).isFalse();                   // a provider that says nothing

        assertThat(settings(Map.of(), SecondFactorByProvider.ALWAYS).countsAsSecondStep(null)).isTrue();
        assertThat(settings(Map.of(), SecondFactorByProvider.NEVER).countsAsSecondStep(List.of("mfa"))).isFalse();
    }
}
