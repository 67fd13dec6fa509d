package dev.fedbroker.sample.web;

import dev.fedbroker.saml.SamlValidationException;
import java.util.List;
import java.util.Objects;

/**
 * Ends a request with the error page: an HTTP status, a machine-readable code (the library's reason code where there
 * is one), what happened and what to fix. Never carries a stack trace or a secret to the page. Immutable.
 */
public final class PageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String title;
    private final String fix;
    private final List<String> problems;

    public PageException(int status, String code, String title, String detail, String fix) {
        this(status, code, title, detail, fix, List.of());
    }

    public PageException(int status, String code, String title, String detail, String fix, List<String> problems) {
        super(Objects.requireNonNull(detail, "detail"));
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.title = Objects.requireNonNull(title, "title");
        this.fix = Objects.requireNonNull(fix, "fix");
        this.problems = List.copyOf(problems);
    }

    /** A rejected SAML message: 400 with its reason code, every problem the validator found, and the fix. */
    public static PageException samlRejected(SamlValidationException e, String title) {
        List<String> messages = e.problems().stream().map(p -> p.reason() + ": " + p.message()).toList();
        return new PageException(400, e.reason().name(), title, e.problems().get(0).message(),
                SamlFixes.forReason(e.reason()), messages.size() > 1 ? messages : List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String fix() {
        return fix;
    }

    public List<String> problems() {
        return problems;
    }
}
