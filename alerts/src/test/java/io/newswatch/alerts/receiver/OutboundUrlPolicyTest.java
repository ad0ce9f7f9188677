package io.newswatch.alerts.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Literal addresses only, and a stand-in resolver for names: these tests never ask real DNS. */
class OutboundUrlPolicyTest {

    /** A resolver that knows a few invented names and nothing else. */
    private static OutboundUrlPolicy.Resolver names(Map<String, List<String>> table) {
        return host -> {
            List<String> addresses = table.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] result = new InetAddress[addresses.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = InetAddress.getByName(addresses.get(i)); // literals: no lookup
            }
            return result;
        };
    }

    private static Optional<String> refusal(OutboundUrlPolicy policy, String url) throws UnknownHostException {
        return policy.refusal(URI.create(url));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "10.1.2.3,                a private",
            "172.16.0.1,              a private",
            "172.31.255.254,          a private",
            "192.168.1.1,             a private",
            "[fc00::1],               a private",
            "[fd12:3456:789a::1],     a private",
            "100.64.0.1,              a carrier-grade NAT",
            "100.127.255.254,         a carrier-grade NAT",
            "127.0.0.1,               a loopback",
            "127.8.9.10,              a loopback",
            "[::1],                   a loopback",
            "[::ffff:127.0.0.1],      a loopback",
            "[::ffff:10.0.0.1],       a private",
            "169.254.169.254,         a link-local",
            "[fe80::1],               a link-local",
            "[64:ff9b::a9fe:a9fe],    a link-local",
            "0.0.0.0,                 an unspecified",
            "0.1.2.3,                 an unspecified",
            "[::],                    an unspecified",
            "224.0.0.1,               a multicast",
            "[ff02::1],               a multicast",
            "198.18.0.1,              a special-purpose",
            "203.0.113.9,             a special-purpose",
            "[2001:db8::1],           a special-purpose",
            "[2001::1],               a special-purpose",
            "[2002:7f00:1::1],        a loopback",
            "[2002:a9fe:a9fe::1],     a link-local"})
    void nonPublicAddressesAreRefusedByDefault(String host, String kind) throws Exception {
        assertThat(refusal(OutboundUrlPolicy.defaults(), "https://" + host + ":8443/hook/T0KEN"))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("host resolves to " + kind)
                        .contains("which is not allowed")
                        .doesNotContain("T0KEN"));
    }

    @ParameterizedTest
    @CsvSource({
            "8.8.8.8", "1.1.1.1", "11.0.0.1", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
            "192.169.0.1", "[2001:4860:4860::8888]", "[2606:4700:4700::1111]"})
    void publicAddressesAreAccepted(String host) throws Exception {
        assertThat(refusal(OutboundUrlPolicy.defaults(), "https://" + host + "/hook")).isEmpty();
        assertThat(refusal(OutboundUrlPolicy.defaults(), "http://" + host + ":8080/hook")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"ftp://8.8.8.8/drop", "file:///etc/passwd", "gopher://8.8.8.8/", "mailto:ops@example.org"})
    void schemesOtherThanHttpAreRefused(String url) throws Exception {
        assertThat(refusal(OutboundUrlPolicy.defaults(), url)).contains("the scheme must be http or https");
    }

    @Test
    void theReasonsNameTheConfigurationKeyAndReceiverSettingThatPermitThem() throws Exception {
        assertThat(refusal(OutboundUrlPolicy.defaults(), "http://10.0.0.1:9000/")).hasValueSatisfying(reason ->
                assertThat(reason).contains("alerts.webhook.allow.private").contains("allow_private")
                        .doesNotContain("allowPrivate"));
        assertThat(refusal(OutboundUrlPolicy.defaults(), "http://127.0.0.1:9000/"))
                .contains("host resolves to a loopback address, which is not allowed (set alerts.webhook.allow.loopback, or the receiver's allow_loopback, to true to permit)");
    }

    @Test
    void loopbackIsAllowedWhenFlaggedAndOnlyLoopback() throws Exception {
        OutboundUrlPolicy policy = OutboundUrlPolicy.defaults().allowingLoopback();
        assertThat(refusal(policy, "http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(refusal(policy, "http://[::1]:9000/hook")).isEmpty();
        assertThat(refusal(policy, "http://192.168.1.1/hook")).isPresent();
        assertThat(refusal(policy, "http://169.254.169.254/latest/meta-data/")).isPresent();
    }

    @Test
    void privateIsAllowedWhenFlaggedButNotLinkLocalOrLoopback() throws Exception {
        OutboundUrlPolicy policy = OutboundUrlPolicy.defaults().allowingPrivate();
        assertThat(refusal(policy, "http://10.1.2.3/hook")).isEmpty();
        assertThat(refusal(policy, "http://100.64.0.1/hook")).isEmpty();
        assertThat(refusal(policy, "http://[fd00::5]/hook")).isEmpty();
        assertThat(refusal(policy, "http://169.254.169.254/")).hasValueSatisfying(reason ->
                assertThat(reason).contains("link-local").contains("no setting permits it"));
        assertThat(refusal(policy, "http://127.0.0.1/")).hasValueSatisfying(reason ->
                assertThat(reason).contains("loopback"));
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsNotPublic() throws Exception {
        OutboundUrlPolicy policy = OutboundUrlPolicy.defaults().withResolver(names(Map.of(
                "hooks.example.test", List.of("8.8.8.8"),
                "mixed.example.test", List.of("8.8.8.8", "10.0.0.7"))));
        assertThat(refusal(policy, "https://hooks.example.test/h")).isEmpty();
        assertThat(refusal(policy, "https://mixed.example.test/h")).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("host resolves to a private address"));
    }

    @Test
    void anAllowListedHostSkipsTheAddressChecksWhateverItsCaseOrTrailingDot() throws Exception {
        OutboundUrlPolicy policy = OutboundUrlPolicy.defaults()
                .withResolver(names(Map.of("relay.corp.test", List.of("10.9.8.7"),
                        "other.corp.test", List.of("10.9.8.6"))))
                .allowingHosts(List.of("Relay.Corp.Test.", "[fe80::1]"));
        assertThat(refusal(policy, "https://RELAY.corp.test/h")).isEmpty();
        assertThat(refusal(policy, "https://relay.corp.test./h")).isEmpty();
        assertThat(refusal(policy, "http://[fe80::1]:8080/h")).isEmpty();
        assertThat(refusal(policy, "https://other.corp.test/h")).isPresent();
        assertThat(refusal(policy, "ftp://relay.corp.test/h")).contains("the scheme must be http or https");
        assertThat(policy.allowedHosts()).containsExactlyInAnyOrder("relay.corp.test", "fe80::1");
    }

    @Test
    void aNameThatDoesNotResolveIsReportedToTheCaller() {
        OutboundUrlPolicy policy = OutboundUrlPolicy.defaults().withResolver(names(Map.of()));
        assertThatThrownBy(() -> refusal(policy, "https://nowhere.example.test/h"))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void settingsAreCopiesAndTheDefaultsStayStrict() {
        OutboundUrlPolicy loose = OutboundUrlPolicy.defaults().allowingLoopback().allowingPrivate();
        assertThat(loose.allowsLoopback()).isTrue();
        assertThat(loose.allowsPrivate()).isTrue();
        assertThat(OutboundUrlPolicy.defaults().allowsLoopback()).isFalse();
        assertThat(OutboundUrlPolicy.defaults().allowsPrivate()).isFalse();
        assertThatThrownBy(() -> OutboundUrlPolicy.defaults().allowingHosts(List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
