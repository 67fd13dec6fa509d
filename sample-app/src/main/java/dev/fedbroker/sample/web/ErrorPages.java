package dev.fedbroker.sample.web;

import dev.fedbroker.sample.security.CsrfFilter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error ends on one page that shows the status, a reason code and what to do, and never a stack trace:
 * {@link PageException}s thrown by controllers, Spring MVC's own errors (404, 405, missing parameter), anything
 * unexpected (500, logged with its stack trace on the server only), and errors the servlet container or a filter
 * raises (sent to {@code /error}). Thread-safe.
 */
@Controller
@ControllerAdvice
public class ErrorPages implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final PageModels pages;

    public ErrorPages(PageModels pages) {
        this.pages = pages;
    }

    @ExceptionHandler(PageException.class)
    public ModelAndView page(PageException e, HttpServletRequest request) {
        return view(request, e.status(), e.code(), e.title(), e.getMessage(), e.fix(), e.problems());
    }

    @ExceptionHandler(Exception.class)
    public ModelAndView unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse spring) {
            int status = spring.getStatusCode().value();
            return byStatus(request, status);
        }
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return byStatus(request, 500);
    }

    /** Errors raised outside controllers (filters, the container) land here. */
    @RequestMapping("/error")
    public ModelAndView error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return byStatus(request, status instanceof Integer s ? s : 500);
    }

    private ModelAndView byStatus(HttpServletRequest request, int status) {
        if (request.getAttribute(CsrfFilter.ERROR_CODE) instanceof String code) {
            return view(request, status, code, "This form has expired",
                    "The form was not sent with this session's anti-forgery token.",
                    "Go back, reload the page and submit the form again.", List.of());
        }
        return switch (status) {
            case 404 -> view(request, 404, "NOT_FOUND", "Page not found", "There is no page at this address.",
                    "Start from the home page.", List.of());
            case 405 -> view(request, 405, "METHOD_NOT_ALLOWED", "Not allowed",
                    "This address does not accept this kind of request.", "Start from the home page.", List.of());
            case 400 -> view(request, 400, "BAD_REQUEST", "Bad request",
                    "The request is missing something this page needs.", "Start from the home page.", List.of());
            default -> view(request, status, status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status,
                    "Something went wrong", "The request could not be completed.",
                    "Try again; if it keeps failing, the server log has the details.", List.of());
        };
    }

    private ModelAndView view(HttpServletRequest request, int status, String code, String title, String detail,
            String fix, List<String> problems) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("page", pages.page(request));
        model.put("title", title);
        model.put("status", status);
        model.put("code", code);
        model.put("detail", detail);
        model.put("fix", fix);
        model.put("problems", problems);
        model.put("hasProblems", !problems.isEmpty());
        return new ModelAndView("error", model, HttpStatus.valueOf(status));
    }
}
