package io.watchpost.server.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.wire.WireResponse;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The reserved paths: {@code GET /_watchpost/health}, and in development mode {@code POST /_watchpost/reset}
 * and its moto-compatible twin {@code POST /moto-api/reset}. Everything else goes to the next handler.
 */
final class AdminHandler extends Handler.Wrapper {
    private final String version;
    private final boolean developmentMode;
    private final Runnable reset;

    AdminHandler(Handler next, String version, boolean developmentMode, Runnable reset) {
        super(next);
        this.version = version;
        this.developmentMode = developmentMode;
        this.reset = reset;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if ("/_watchpost/health".equals(path)) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                return answer(response, callback, 405, "{\"message\":\"use GET\"}");
            }
            return answer(response, callback, 200, "{\"status\":\"ok\",\"version\":\"" + version + "\"}");
        }
        if ("/_watchpost/reset".equals(path) || "/moto-api/reset".equals(path)) {
            if (!developmentMode) {
                return answer(response, callback, 403,
                        "{\"message\":\"reset is only available in development mode (--dev-mode true)\"}");
            }
            if (!method.equals("POST")) {
                return answer(response, callback, 405, "{\"message\":\"use POST\"}");
            }
            reset.run();
            return answer(response, callback, 200, "{\"status\":\"ok\",\"reset\":true}");
        }
        return super.handle(request, response, callback);
    }

    private static boolean answer(Response response, Callback callback, int status, String json) {
        ApiHandler.write(new WireResponse(status, Map.of("Content-Type", "application/json"), json.getBytes(UTF_8)),
                response, callback);
        return true;
    }
}
