package org.scalingatlas.http;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Makes the idle timeout end a request body that stalls. Jetty reports it as a transient failure, which a reader may
 * choose to read past; {@code EagerContentHandler} keeps it and waits on, so a client that announced a body and sent
 * nothing held its connection for ever (measured: still open after 12 s with a 0.5 s idle timeout). Here it is the
 * body's last chunk, so the request is handed to the application, which answers 408.
 */
final class StalledBodies extends Handler.Wrapper {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new Request.Wrapper(request) {
            @Override
            public Content.Chunk read() {
                Content.Chunk chunk = super.read();
                return Content.Chunk.isFailure(chunk, false) ? Content.Chunk.from(chunk.getFailure(), true) : chunk;
            }
        }, response, callback);
    }
}
