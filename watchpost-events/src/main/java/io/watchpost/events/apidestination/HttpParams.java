package io.watchpost.events.apidestination;

import java.util.List;

/** A connection's header, query-string and body parameters (InvocationHttpParameters or OAuthHttpParameters). */
record HttpParams(List<Param> headers, List<Param> queryStrings, List<Param> bodies) {
    static final HttpParams NONE = new HttpParams(List.of(), List.of(), List.of());

    HttpParams {
        headers = headers == null ? List.of() : List.copyOf(headers);
        queryStrings = queryStrings == null ? List.of() : List.copyOf(queryStrings);
        bodies = bodies == null ? List.of() : List.copyOf(bodies);
    }

    boolean isEmpty() {
        return headers.isEmpty() && queryStrings.isEmpty() && bodies.isEmpty();
    }
}
