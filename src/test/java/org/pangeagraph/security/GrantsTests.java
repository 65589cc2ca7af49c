package org.pangeagraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pangeagraph.model.Caller;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;

/** From a signed-in user's roles and cases to the caller the data layer answers for. */
class GrantsTests {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void aViewerReadsTheirCasesAndWritesNothing() {
        Caller viewer = caller(List.of("VIEWER"), List.of("CASE-A"));

        assertThat(viewer.visibility().all()).isFalse();
        assertThat(viewer.visibility().cases()).containsExactly("CASE-A");
        assertThat(viewer.mayWrite()).isFalse();
        assertThat(viewer.writableCases()).isEmpty();
    }

    @Test
    void anInvestigatorWritesFactsOfNoCaseOrOfTheirCasesOnly() {
        Caller investigator = caller(List.of("investigator"), List.of("case-a", " CASE-B "));

        assertThat(investigator.roles()).containsExactly("INVESTIGATOR");
        assertThat(investigator.mayWrite()).isTrue();
        assertThat(investigator.visibility().cases()).containsExactly("CASE-A", "CASE-B");
        assertThat(investigator.mayTag(List.of())).isTrue();
        assertThat(investigator.mayTag(List.of("CASE-A", "CASE-B"))).isTrue();
        assertThat(investigator.mayTag(List.of("CASE-A", "CASE-C"))).isFalse();
    }

    @Test
    void anAdministratorSeesAndWritesEverything() {
        Caller admin = caller(List.of("ROLE_ADMIN", "VIEWER"), List.of());

        assertThat(admin.roles()).containsExactlyInAnyOrder("ADMIN", "VIEWER");
        assertThat(admin.visibility().all()).isTrue();
        assertThat(admin.mayTag(List.of("ANY-CASE"))).isTrue();
    }

    @Test
    void namesThatAreNoRoleAndValuesThatAreNoCaseNumberGrantNothing() {
        Caller nobody = caller(List.of("offline_access", "SUPERUSER"), List.of("", "no;case"));

        assertThat(nobody.roles()).isEmpty();
        assertThat(nobody.mayWrite()).isFalse();
        assertThat(nobody.visibility().cases()).isEmpty();
    }

    @Test
    void aTokenIsReadFromTheConfiguredClaimsNestedOrNot() {
        TokenGrants keycloak = new TokenGrants(new SecuritySettings.Jwt("preferred_username", "realm_access.roles", "groups"));
        Jwt jwt = jwt(Map.of("sub", "f81d4fae", "preferred_username", "inspector.morse",
                "realm_access", Map.of("roles", List.of("offline_access", "investigator")), "groups", "CASE-A,CASE-B"));

        var authentication = keycloak.convert(jwt);
        Caller caller = Grants.caller(authentication.getName(), authentication.getAuthorities());

        assertThat(caller.name()).isEqualTo("inspector.morse");
        assertThat(caller.roles()).containsExactly("INVESTIGATOR");
        assertThat(caller.writableCases()).containsExactly("CASE-A", "CASE-B");
    }

    @Test
    void aTokenWithoutTheNameClaimIsNamedByItsSubject() {
        var authentication = new TokenGrants(new SecuritySettings.Jwt("preferred_username", "roles", "cases"))
            .convert(jwt(Map.of("sub", "f81d4fae", "roles", List.of("VIEWER"))));

        assertThat(authentication.getName()).isEqualTo("f81d4fae");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_VIEWER");
    }

    @Test
    void builtInUsersWithAMisspeltRoleOrCaseOrAPlainPasswordAreRefusedAtStart() {
        List<SecuritySettings.BuiltInUser> users = List.of(
                new SecuritySettings.BuiltInUser("ann", "{noop}secret", List.of("INVESTIGATR"), List.of("CASE-A")),
                new SecuritySettings.BuiltInUser("bob", "secret", List.of("VIEWER"), List.of("CASE;A")));

        assertThatThrownBy(() -> new BuiltInUsers(users)).isInstanceOfSatisfying(SecurityConfigurationException.class, ex -> {
            assertThat(ex.getMessage()).contains("pangea.security.users[0].roles: 'INVESTIGATR' is not VIEWER, INVESTIGATOR or ADMIN",
                    "pangea.security.users[1].password must be a hash", "pangea.security.users[1].cases: 'CASE;A' is not a case number");
            assertThat(ex.action()).contains("pangea.security.users");
        });
    }

    @Test
    void theProductionProfileRefusesADemoPasswordUnderAnyName() {
        List<SecuritySettings.BuiltInUser> users = List.of(
                new SecuritySettings.BuiltInUser("chief", ENCODER.encode("a password of their own"), List.of("ADMIN"), List.of()),
                new SecuritySettings.BuiltInUser("renamed-admin", ENCODER.encode("admin-demo"), List.of("ADMIN"), List.of()));

        assertThatThrownBy(() -> DemoUsers.refuseInProduction(users, ENCODER))
            .isInstanceOfSatisfying(SecurityConfigurationException.class, ex -> {
                assertThat(ex.getMessage()).contains("renamed-admin").doesNotContain("chief");
                assertThat(ex.action()).contains("pangea.security.users");
            });
        DemoUsers.refuseInProduction(users.subList(0, 1), ENCODER);
    }

    private static Caller caller(List<String> roles, List<String> cases) {
        return Grants.caller("someone", Grants.authorities(roles, cases));
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

}
