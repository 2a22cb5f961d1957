package dev.aiworkbook.auth;

import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The requests the 01-auth tests send to the replay server: one minimal call per provider. */
final class Calls {

    static final String OPENAI_PATH = "/v1/chat/completions";
    static final String ANTHROPIC_PATH = "/v1/messages";
    static final String GEMINI_PATH = "/v1beta/models/gemini-2.5-flash:generateContent";

    private static final MediaType JSON = MediaType.get("application/json");

    private Calls() {
    }

    /** A status and body, read and closed. */
    record Answer(int status, String body) {
    }

    static Request openAi(ReplayServer replay) {
        return post(replay.url(OPENAI_PATH),
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}");
    }

    static Request anthropic(ReplayServer replay) {
        return post(replay.url(ANTHROPIC_PATH),
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}");
    }

    static Request gemini(ReplayServer replay) {
        return post(replay.url(GEMINI_PATH), "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Say hello\"}]}]}");
    }

    static Request request(Provider provider, ReplayServer replay) {
        return switch (provider) {
            case OPENAI -> openAi(replay);
            case ANTHROPIC -> anthropic(replay);
            case GEMINI -> gemini(replay);
        };
    }

    static Request post(String url, String json) {
        return new Request.Builder().url(url).post(RequestBody.create(json, JSON)).build();
    }

    static OkHttpClient clientWith(Interceptor interceptor) {
        return new OkHttpClient.Builder().addInterceptor(interceptor).retryOnConnectionFailure(false).build();
    }

    static Answer send(OkHttpClient client, Request request) {
        try (Response response = client.newCall(request).execute()) {
            return new Answer(response.code(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port nothing listens on: connecting to it fails at once. */
    static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request as it is, with the given extra header (for the raw error bodies). */
    static Answer sendWithHeader(Request request, String name, String value) {
        Request.Builder builder = request.newBuilder();
        if (name != null) {
            builder.header(name, value);
        }
        if (request.url().encodedPath().equals(ANTHROPIC_PATH)) {
            builder.header("anthropic-version", "2023-06-01");
        }
        return send(new OkHttpClient(), builder.build());
    }
}
