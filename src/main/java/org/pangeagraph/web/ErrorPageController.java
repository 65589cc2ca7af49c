package org.pangeagraph.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page, in place of Spring Boot's: the errors the servlet container answers itself (no such
 * path, a method the endpoint does not take, an exception thrown outside Spring MVC) get the same
 * typed body as every other error, a code and a message and never a class name. Asked for directly,
 * the page has no error to show, and says so with a 400, not the 500 Boot's page answers.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    @RequestMapping
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s.substring(Math.min(s.length(), request.getContextPath().length())) : null;
        if (!(status instanceof Integer code) || path == null) {
            return answer(HttpStatus.BAD_REQUEST, false, ErrorCode.INVALID_INPUT, request.getRequestURI()
                    + " shows the error of another request; asked for directly, it has none to show");
        }
        HttpStatus known = HttpStatus.resolve(code);
        HttpStatus httpStatus = known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
        boolean graphQl = ErrorResponses.graphQl(path);
        return switch (httpStatus) {
            case NOT_FOUND -> answer(httpStatus, graphQl, ErrorCode.NOT_FOUND, "There is nothing at " + path);
            case UNAUTHORIZED -> answer(httpStatus, graphQl, ErrorCode.UNAUTHENTICATED, "Sign in first");
            case FORBIDDEN -> answer(httpStatus, graphQl, ErrorCode.FORBIDDEN, "You may not do this");
            case METHOD_NOT_ALLOWED -> answer(httpStatus, graphQl, ErrorCode.INVALID_INPUT,
                    path + " does not take the method " + request.getAttribute(RequestDispatcher.ERROR_METHOD));
            default -> httpStatus.is4xxClientError()
                    ? answer(httpStatus, graphQl, ErrorCode.INVALID_INPUT, "The request was refused: HTTP " + code + " "
                            + httpStatus.getReasonPhrase())
                    : internal(request, httpStatus, graphQl);
        };
    }

    private static ResponseEntity<Map<String, Object>> internal(HttpServletRequest request, HttpStatus status, boolean graphQl) {
        return answer(status, graphQl, ErrorCode.INTERNAL, ErrorResponses.internal(log, "answered with HTTP " + status.value(),
                (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)));
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, boolean graphQl, ErrorCode code, String message) {
        return ErrorResponses.entity(status, graphQl, code, message, Map.of());
    }

}
