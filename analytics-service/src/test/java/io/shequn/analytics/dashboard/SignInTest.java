package io.shequn.analytics.dashboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.analytics.Scenario;
import io.shequn.analytics.health.HealthSweep;
import io.shequn.localstack.LocalStack;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** Signing in by link and by pasting, and every refusal said in words: expired, rejected and malformed tokens, forbidden and unknown pages. */
@QuarkusTest
class SignInTest {

    @Inject
    HealthSweep sweep;

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @TestHTTPResource("/dashboard")
    URL withoutSlash;

    private Browser browser;
    private DashboardData data;

    @BeforeEach
    void setUp() {
        browser = Browser.get(dashboard);
        data = DashboardData.get(sweep);
    }

    @Test
    void anExpiredTokenSaysWhenItExpired() {
        String token = LocalStack.shared().tokens().sign(UUID.randomUUID(), Set.of("member", "operator"), Duration.ofMinutes(-2));
        // The time the token itself claims: a lifetime is added to the signer's own clock reading.
        Instant expired = Instant.ofEpochSecond(claimedExpiry(token));
        browser.signInByLink(token, null);
        assertThat(browser.state()).isEqualTo("sign-in");
        assertThat(browser.text("auth-message").replace('\u202f', ' ')).isEqualTo("Your token expired on " + shownTime(expired)
                + ". Get a new one (./shequn token, or the dashboard link ./shequn up prints) and paste it below.");
        browser.screenshot("expired-token");
    }

    @Test
    void aTokenThatExpiresWhileThePageIsOpenSaysSoAtTheNextRequest() {
        String token = LocalStack.shared().tokens().sign(UUID.randomUUID(), Set.of("member", "operator"), Duration.ofSeconds(10));
        browser.signInByLink(token, data.route("/"));
        assertThat(browser.page()).isEqualTo("overview");
        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().getEpochSecond() > claimedExpiry(token));
        browser.script("document.getElementById('page').dataset.state = 'navigating';");
        new Select(browser.test("ranking-sort")).selectByValue("GMV");   // the ranking asks the API again
        browser.awaitSettled();
        assertThat(browser.state()).isEqualTo("sign-in");
        assertThat(browser.text("auth-message")).startsWith("Your token expired on ");
    }

    @Test
    void aTokenTheServiceDoesNotTrustIsRefusedInWords() {
        String valid = Scenario.operator();
        String other = Scenario.member(UUID.randomUUID());
        String forged = valid.substring(0, valid.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));   // another token's signature
        browser.signInByLink(forged, null);
        assertThat(browser.state()).isEqualTo("sign-in");
        assertThat(browser.text("auth-message")).isEqualTo("analytics-service did not accept this token. It may be signed with another key "
                + "(from another ./shequn up) or for another issuer.");
    }

    @Test
    void aPastedTokenSignsIn() {
        browser.freshDocument().load("#/");
        assertThat(browser.state()).isEqualTo("sign-in");
        browser.find("#token-input").sendKeys("not a token");
        browser.find("[data-test='sign-in'] button").click();
        assertThat(browser.text("auth-message")).isEqualTo("That is not a bearer token: a JWT has three parts separated by dots.");
        browser.find("#token-input").clear();
        browser.find("#token-input").sendKeys(Scenario.member(data.owner()));
        browser.click(browser.find("[data-test='sign-in'] button"));
        assertThat(browser.page()).isEqualTo("overview");
        assertThat(browser.text("kpi-groups")).isEqualTo("6");
        browser.click(browser.find("#sign-out"));
        assertThat(browser.state()).isEqualTo("sign-in");
        assertThat(browser.script("return sessionStorage.getItem('shequn.token');")).isNull();
    }

    @Test
    void pagesTheCallerMayNotSeeOrThatDoNotExistSaySo() {
        UUID stranger = UUID.randomUUID();
        browser.signInByLink(Scenario.member(data.owner()), data.route("/members/" + stranger));
        assertThat(browser.find("[data-test='member-groups'] [data-test='state-error']").getText())
                .isEqualTo("You may not see this: Only member " + stranger + " and operators may do this");
        browser.signInByLink(Scenario.operator(), data.route("/members/" + stranger));
        assertThat(browser.find("[data-test='member-groups'] [data-test='state-error']").getText())
                .isEqualTo("Not found: Analytics has seen no event about member " + stranger);
        browser.go("#/nowhere");
        assertThat(browser.find("#page").getText()).isEqualTo("Unknown page. Back to the overview.");
        browser.screenshot("not-found");
    }

    @Test
    void theDashboardIsServedAtSlashDashboard() {
        given().redirects().follow(false).when().get(withoutSlash).then().statusCode(302).header("Location", endsWith("/dashboard/"));
        given().when().get(dashboard).then().statusCode(200).contentType(containsString("text/html")).header("Cache-Control", "no-cache");
        given().when().get("/dashboard/js/app.js").then().statusCode(200).contentType(containsString("javascript")).header("Cache-Control", "no-cache");
        String importMap = given().when().get("/_importmap/generated_importmap.js").then().statusCode(200)
                .header("Cache-Control", "no-cache").extract().asString();
        String echarts = importMap.replaceAll("(?s).*\"echarts/dist/\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(echarts).matches("/_static/echarts/\\d+\\.\\d+\\.\\d+/dist/");
        given().when().get(echarts + "echarts.esm.min.js").then().statusCode(200).contentType(containsString("javascript"))
                .header("Cache-Control", containsString("immutable"));
    }

    private static long claimedExpiry(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        return Long.parseLong(payload.replaceAll(".*\"exp\":(\\d+).*", "$1"));
    }

    /** Intl.DateTimeFormat('en-US', {dateStyle: 'medium', timeStyle: 'short'}) in the browser's zone (the JVM's here). */
    private static String shownTime(Instant instant) {
        return DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a", Locale.US).withZone(ZoneId.systemDefault()).format(instant);
    }
}
