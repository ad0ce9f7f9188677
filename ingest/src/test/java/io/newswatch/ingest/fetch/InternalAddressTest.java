package io.newswatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.ingest.fetch.LoopbackSite.Hit;
import io.newswatch.ingest.fetch.LoopbackSite.Page;
import io.newswatch.ingest.fetch.internal.AddressGuard;
import io.newswatch.model.net.AddressBlock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The crawler cannot be turned inward: non-public addresses are refused before any connection, on every hop.
 * Invented names resolve through a stand-in resolver; the only address ever connected to is 127.0.0.1.
 */
class InternalAddressTest {
    private static final String HTML = "text/html; charset=utf-8";
    private static final Map<String, String> NAMES = Map.of(
            "intranet.test", "10.0.0.1",
            "metadata.test", "169.254.169.254",
            "cgnat.test", "100.64.3.4",
            "v6-private.test", "fd00::7",
            "mapped.test", "::ffff:192.168.1.20",
            "loopback.test", "127.0.0.1");
    private final List<String> resolved = new CopyOnWriteArrayList<>();
    private LoopbackSite site;

    /** Maps the invented names above; any other name is unknown (no real DNS is ever asked). */
    private final HostResolver stub = host -> {
        resolved.add(host);
        String address = NAMES.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)}; // literals: no lookup
    };

    @BeforeEach
    void start() throws Exception {
        site = new LoopbackSite();
        site.put("/robots.txt", Page.of("text/plain", "User-agent: *\nAllow: /\n"));
        site.put("/news/1", Page.of(HTML, "<p>One</p>"));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private static FetcherSettings settings() {
        return new FetcherSettings("newswatch-test/1.0", Duration.ofSeconds(10), Duration.ZERO, 1 << 20, 5, 4,
                Duration.ofHours(1));
    }

    private static List<AddressBlock> blocks(String text) {
        return AddressBlock.parseList(text == null ? "" : text);
    }

    @ParameterizedTest(name = "{0} with [{1}] allowed: {2}")
    @CsvSource({
            "8.8.8.8,               ,                 allowed",
            "2606:4700:4700::1111,  ,                 allowed",
            "100.63.255.255,        ,                 allowed",
            "172.32.0.1,            ,                 allowed",
            "127.0.0.1,             ,                 loopback",
            "127.5.6.7,             127.0.0.1,        loopback",
            "127.0.0.1,             127.0.0.1,        allowed",
            "127.5.6.7,             127.0.0.0/8,      allowed",
            "::1,                   ,                 loopback",
            "::1,                   127.0.0.1,        loopback",
            "10.0.0.1,              ,                 private",
            "10.0.0.1,              127.0.0.1,        private",
            "10.0.0.1,              10.0.0.0/8,       allowed",
            "172.16.0.1,            ,                 private",
            "192.168.1.1,           ,                 private",
            "fc00::1,               ,                 private",
            "fd12:3456::1,          fd00::/8,         allowed",
            "100.64.0.1,            ,                 carrier-grade NAT",
            "100.127.255.254,       ,                 carrier-grade NAT",
            "169.254.169.254,       ,                 link-local",
            "169.254.169.254,       10.0.0.0/8,       link-local",
            "fe80::1,               ,                 link-local",
            "224.0.0.1,             ,                 multicast",
            "ff02::1,               ,                 multicast",
            "0.0.0.0,               ,                 unspecified",
            "::,                    ,                 unspecified",
            "255.255.255.255,       ,                 reserved or broadcast",
            "240.0.0.1,             ,                 reserved or broadcast",
            "::ffff:127.0.0.1,      ,                 loopback",
            "::ffff:10.1.1.1,       10.0.0.0/8,       allowed",
            "64:ff9b::a9fe:a9fe,    ,                 link-local",
            "64:ff9b::808:808,      ,                 allowed",
            "192.0.0.8,             ,                 special-purpose",
            "192.0.1.1,             ,                 allowed",
            "198.18.0.1,            ,                 special-purpose",
            "198.19.255.254,        ,                 special-purpose",
            "198.20.0.1,            ,                 allowed",
            "192.0.2.10,            ,                 special-purpose",
            "198.51.100.7,          ,                 special-purpose",
            "203.0.113.200,         ,                 special-purpose",
            "203.0.114.1,           ,                 allowed",
            "203.0.113.5,           203.0.113.0/24,   allowed",
            "2001:db8::1,           ,                 special-purpose",
            "2001::1,               ,                 special-purpose",
            "2001:0:4136:e378::1,   ,                 special-purpose",
            "2001:4860::8888,       ,                 allowed",
            "64:ff9b:1::a00:1,      ,                 special-purpose",
            "100::1,                ,                 special-purpose",
            "100:0:0:1::1,          ,                 allowed",
            "2002:7f00:1::1,        ,                 loopback",
            "2002:a9fe:a9fe::,      ,                 link-local",
            "2002:c0a8:101::1,      ,                 private",
            "2002:c000:0201::1,     ,                 special-purpose",
            "2002:808:808::1,       ,                 allowed"})
    void addressesAreAllowedOrRefusedWithTheirRange(String address, String allowed, String expected)
            throws Exception {
        AddressGuard guard = new AddressGuard(stub, "add {} to the allow-list");
        InetAddress literal = InetAddress.getByName(address); // a literal: no lookup
        Optional<String> refusal = guard.refusal(literal, blocks(allowed));
        if (expected.equals("allowed")) {
            assertThat(refusal).isEmpty();
        } else {
            assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason)
                    .contains(" " + expected + " address (")
                    .endsWith("which is not fetched unless allowed: add " + literal.getHostAddress()
                            + " to the allow-list"));
        }
    }

    @Test
    void byDefaultLoopbackIsRefusedBeforeAnyRequestNamingTheSettings() {
        try (PoliteFetcher f = new PoliteFetcher(settings(), stub)) {
            assertThatThrownBy(() -> f.fetch(site.url("/news/1")))
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("refused " + site.url("/news/1") + ": 127.0.0.1 is a loopback address "
                            + "(127.0.0.0/8, ::1)")
                    .hasMessageContaining("ingest.fetch.allow.addresses")
                    .hasMessageContaining("allow_addresses")
                    .hasMessageNotContaining("allowLoopback");
        }
        assertThat(site.hits()).as("not even robots.txt was asked for").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "intranet.test,   10.0.0.1, a private address",
            "metadata.test,   169.254.169.254, a link-local address",
            "cgnat.test,      100.64.3.4, a carrier-grade NAT address",
            "v6-private.test, fd00:0:0:0:0:0:0:7, a private address",
            "mapped.test,     192.168.1.20, a private address"})
    void aNameResolvingToANonPublicAddressIsRefusedBeforeConnecting(String name, String address, String kind) {
        try (PoliteFetcher f = new PoliteFetcher(settings().allowing("127.0.0.1"), stub)) {
            assertThatThrownBy(() -> f.fetch("http://" + name + ":" + 8080 + "/latest/meta-data/"))
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining(name + " resolves to " + address + ", " + kind);
        }
        assertThat(resolved).contains(name);
    }

    @Test
    void aRedirectFromAnAllowedServerToAnInternalNameIsRefusedBeforeConnecting() throws Exception {
        site.put("/go", Page.status(302, Map.of("Location", "http://intranet.test:" + port() + "/admin")));
        site.put("/meta", Page.status(301, Map.of("Location", "http://169.254.169.254/latest/meta-data/")));
        try (PoliteFetcher f = new PoliteFetcher(settings().allowing("127.0.0.1"), stub)) {
            assertThat(f.fetch(site.url("/news/1")).status()).isEqualTo(200);
            assertThatThrownBy(() -> f.fetch(site.url("/go")))
                    .hasMessageContaining("refused http://intranet.test:" + port() + "/admin: intranet.test resolves "
                            + "to 10.0.0.1, a private address")
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.isTransient()).isFalse());
            assertThatThrownBy(() -> f.fetch(site.url("/meta")))
                    .hasMessageContaining("169.254.169.254 is a link-local address");
        }
        // the allowed server saw its own requests only; nothing else was connected to
        assertThat(site.hits()).extracting(Hit::path).containsExactlyInAnyOrder("/robots.txt", "/news/1", "/go",
                "/meta");
    }

    @Test
    void aNameResolvingToAnAllowedAddressIsFetchedAndAllowingOneBlockAllowsNoOther() throws Exception {
        try (PoliteFetcher f = new PoliteFetcher(settings().allowing("10.0.0.0/8"), stub)) {
            assertThatThrownBy(() -> f.fetch(site.url("/news/1"))).hasMessageContaining("a loopback address");
            assertThatThrownBy(() -> f.fetch("http://metadata.test/")).hasMessageContaining("a link-local address");
        }
        assertThat(site.hits()).isEmpty();
    }

    @Test
    void aSourceCanAllowAnAddressForItsOwnFetchesOnly() throws Exception {
        try (PoliteFetcher shared = new PoliteFetcher(settings(), stub)) {
            PoliteFetcher forSource = shared.allowing(AddressBlock.parseList("127.0.0.1"));

            assertThat(forSource.fetch(site.url("/news/1")).status()).isEqualTo(200);
            assertThatThrownBy(() -> shared.fetch(site.url("/news/1"))).hasMessageContaining("a loopback address");
            assertThatThrownBy(() -> forSource.fetch("http://intranet.test/")).hasMessageContaining("private");
            forSource.close(); // a view: the shared fetcher goes on
            assertThat(forSource.fetch(site.url("/news/1")).status()).isEqualTo(200);
        }
        assertThat(site.hits("/robots.txt")).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"file:///etc/passwd", "'file:C:\\Windows\\win.ini'", "'file:///tmp/a b'", "FILE:/etc/hosts",
            "ftp://127.0.0.1/file.txt", "'ftp://host/a b'", "gopher://127.0.0.1/", "javascript:alert(1)"})
    void everySchemeButHttpIsRefusedWithOneMessage(String url) {
        try (PoliteFetcher f = new PoliteFetcher(settings().allowing("127.0.0.1"), stub)) {
            assertThatThrownBy(() -> f.fetch(url))
                    .hasMessageStartingWith("only http and https URLs are fetched, not ")
                    .hasMessageEndingWith(": URLs: " + url);
        }
        assertThat(resolved).isEmpty();
    }

    private int port() {
        return java.net.URI.create(site.url("/")).getPort();
    }
}
