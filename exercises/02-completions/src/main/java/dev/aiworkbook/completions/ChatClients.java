package dev.aiworkbook.completions;

import java.util.List;

/**
 * <h2>Exercise 5 · One interface, four APIs (20 points)</h2>
 *
 * <p>Four APIs, four request shapes, one question. Wrap each of your clients from exercises 1 to 4
 * in a {@link ChatClient}, so application code sends a provider-neutral conversation and gets a
 * provider-neutral {@link Completion} back. The tests ask the same questions through all four and
 * expect equivalent results: same text, same finish reason, usage in the same units.
 *
 * <ul>
 *   <li>{@link #chatCompletions}, {@link #anthropic} and {@link #gemini} delegate to the clients of
 *       exercises 1, 3 and 4, which already speak in {@link Completion}s.</li>
 *   <li>{@link #responses} uses the stateless
 *       {@link ResponsesClient#create(String, List, Integer)} of exercise 2 and turns its
 *       {@link ResponseResult} into a {@link Completion}: status {@code completed} is
 *       {@link FinishReason#STOP}; {@code incomplete} for {@code max_output_tokens} is
 *       {@link FinishReason#LENGTH}, for {@code content_filter} {@link FinishReason#CONTENT_FILTER},
 *       for anything else {@link FinishReason#OTHER}.</li>
 *   <li>A capability the API lacks is an {@link UnsupportedCapabilityException}, thrown before any
 *       request: the Responses API has no stop sequences, and this course's {@link ResponsesClient}
 *       sends no temperature, so options asking for either are refused, never silently dropped.</li>
 *   <li>{@link ChatClient#api()} names the API: "OpenAI Chat Completions", "OpenAI Responses",
 *       "Anthropic Messages", "Gemini generateContent".</li>
 * </ul>
 * Errors keep flowing as the clients raise them ({@link ApiException} for a 404 model, and so on).
 * Lesson 02-completions, "One interface, four APIs", compares the four shapes.
 */
public final class ChatClients {

    private ChatClients() {
    }

    public static ChatClient chatCompletions(ChatCompletionsClient client, String model) {
        throw new UnsupportedOperationException("TODO: exercise 5, ChatClients.chatCompletions");
    }

    public static ChatClient responses(ResponsesClient client, String model) {
        throw new UnsupportedOperationException("TODO: exercise 5, ChatClients.responses");
    }

    public static ChatClient anthropic(AnthropicMessagesClient client, String model) {
        throw new UnsupportedOperationException("TODO: exercise 5, ChatClients.anthropic");
    }

    public static ChatClient gemini(GeminiClient client, String model) {
        throw new UnsupportedOperationException("TODO: exercise 5, ChatClients.gemini");
    }
}
