package dev.fedbroker.sample;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP response as a test sees it, with small readers for the app's own HTML (its templates are known, so
 * regular expressions suffice).
 *
 * @param uri     where it came from
 * @param status  the status
 * @param headers the headers
 * @param body    the body text
 */
record Page(URI uri, int status, HttpHeaders headers, String body) {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w[\\w-]*)=\"([^\"]*)\"");
    private static final Pattern REASON = Pattern.compile("<code id=\"reason-code\">([^<]*)</code>");
    private static final Pattern PAIR = Pattern.compile(
            "<tr class=\"pair\" data-account=\"(\\d{12})\" data-permission-set=\"([^\"]*)\">");
    private static final Pattern LEFT_OUT = Pattern.compile("<li class=\"left-out\" data-reason=\"([^\"]*)\">(.*?)</li>",
            Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|amp|lt|gt|quot|apos);");

    Optional<String> location() {
        return headers.firstValue("Location");
    }

    /** Every Set-Cookie header of this response. */
    List<String> setCookies() {
        return headers.allValues("Set-Cookie");
    }

    Optional<String> setCookie(String name) {
        return setCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    /** The error page's reason code. */
    String reasonCode() {
        Matcher m = REASON.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no reason code on this page (status " + status + "):\n" + body);
        }
        return m.group(1);
    }

    /** The portal's (account id, permission set) pairs, as "account/permissionSet". */
    List<String> pairs() {
        List<String> out = new ArrayList<>();
        Matcher m = PAIR.matcher(body);
        while (m.find()) {
            out.add(m.group(1) + "/" + unescape(m.group(2)));
        }
        return out;
    }

    /** The portal's left-out reasons with their text, as "REASON: text". */
    List<String> leftOut() {
        List<String> out = new ArrayList<>();
        Matcher m = LEFT_OUT.matcher(body);
        while (m.find()) {
            out.add(m.group(1) + ": " + unescape(m.group(2).replaceAll("<[^>]+>", "")));
        }
        return out;
    }

    /** The first form whose action is {@code action}: its hidden fields by name. */
    Map<String, String> form(String action) {
        return forms(action).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no form posting to " + action + " on:\n" + body));
    }

    /** Every form whose action is {@code action}, each as its hidden fields. */
    List<Map<String, String>> forms(String action) {
        List<Map<String, String>> out = new ArrayList<>();
        Matcher f = FORM.matcher(body);
        while (f.find()) {
            Map<String, String> attributes = attributes(f.group(1));
            if (action.equals(attributes.get("action"))) {
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher i = INPUT.matcher(f.group(2));
                while (i.find()) {
                    fields.put(unescape(i.group(1)), unescape(i.group(2)));
                }
                out.add(fields);
            }
        }
        return out;
    }

    /** The action of the auto-post form ({@code id="autopost"}). */
    String autoPostAction() {
        Matcher f = FORM.matcher(body);
        while (f.find()) {
            Map<String, String> attributes = attributes(f.group(1));
            if ("autopost".equals(attributes.get("id"))) {
                return attributes.get("action");
            }
        }
        throw new AssertionError("no auto-post form on:\n" + body);
    }

    /** The page's visible text, roughly (tags removed, entities decoded). */
    String text() {
        return unescape(body.replaceAll("<script.*?</script>", "").replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher a = ATTRIBUTE.matcher(tag);
        while (a.find()) {
            out.put(a.group(1), unescape(a.group(2)));
        }
        return out;
    }

    static String unescape(String html) {
        Matcher m = ENTITY.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
                        : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
