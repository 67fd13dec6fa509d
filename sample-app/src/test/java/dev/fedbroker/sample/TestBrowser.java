package dev.fedbroker.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser as far as HTTP goes: cookies kept (java.net's CookieManager), redirects NOT followed (each hop is
 * checked), forms posted as {@code application/x-www-form-urlencoded}, no JavaScript (auto-post forms are posted by
 * the test, as the script would). Not thread-safe.
 */
final class TestBrowser {

    private final URI base;
    private final String publicBase;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    TestBrowser(URI base, URI publicBase) {
        this.base = base;
        this.publicBase = publicBase.toString();
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl)).GET());
    }

    Page post(String pathOrUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(resolve(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** GETs the Location of a redirect. */
    Page follow(Page redirect) {
        String location = redirect.location().orElseThrow(() -> new AssertionError("not a redirect: "
                + redirect.status() + "\n" + redirect.body()));
        return get(redirect.uri().resolve(location).toString());
    }

    /** From "Sign in" to the dev IdP's page. */
    Page devIdpPage() {
        Page login = get("/saml/login");
        if (login.status() != 302) {
            throw new AssertionError("/saml/login answered " + login.status());
        }
        return follow(login);
    }

    /** Sign in at the dev IdP as {@code userName}, up to the auto-post page that would post to the ACS. */
    Page devIdpAnswer(String userName) {
        Page idp = devIdpPage();
        Map<String, String> form = idp.forms("/dev/idp/login").stream()
                .filter(f -> userName.equals(f.get("user"))).findFirst()
                .orElseThrow(() -> new AssertionError(userName + " is not offered by the dev IdP:\n" + idp.body()));
        return post("/dev/idp/login", form);
    }

    /** The whole sign-in: SP → dev IdP → ACS. Returns the ACS's answer (303 on success). */
    Page signIn(String userName) {
        Page autoPost = devIdpAnswer(userName);
        return post(autoPost.autoPostAction(), autoPost.form(autoPost.autoPostAction()));
    }

    /** Signs in and returns the portal page. */
    Page portalAs(String userName) {
        Page acs = signIn(userName);
        if (acs.status() != 303) {
            throw new AssertionError("ACS answered " + acs.status() + ":\n" + acs.body());
        }
        return follow(acs);
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Puts a cookie in the jar, as a browser that kept (or an attacker who planted) it would send it. */
    void setCookie(String name, String value, String path) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath(path);
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Page(built.uri(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI resolve(String pathOrUrl) {
        if (pathOrUrl.startsWith(publicBase)) {
            return URI.create(base + pathOrUrl.substring(publicBase.length()));
        }
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
