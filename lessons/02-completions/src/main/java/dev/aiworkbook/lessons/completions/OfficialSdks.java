package dev.aiworkbook.lessons.completions;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.TextBlock;
import com.google.genai.Client;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.ResponsesModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputText;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseUsage;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lesson's first question through each provider's official Java SDK: openai-java (Chat
 * Completions and Responses), anthropic-java and google-genai. Each call returns the same
 * {@link Answer} the hand-written calls produce, read from the SDK's typed objects.
 */
final class OfficialSdks {

    private OfficialSdks() {
    }

    // tag::sdk-chat[]
    static Answer chatCompletion(String baseUrl, String key) {
        // openai-java wants the version in its base URL: https://api.openai.com/v1
        OpenAIClient client = OpenAIOkHttpClient.builder().apiKey(key).baseUrl(baseUrl + "/v1").build();
        try {
            ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                    .model(ChatCompletionsApi.MODEL)
                    .addSystemMessage(CompletionsLesson.SYSTEM)
                    .addUserMessage(CompletionsLesson.QUESTION)
                    .build());
            ChatCompletion.Choice choice = completion.choices().get(0);
            CompletionUsage usage = completion.usage().orElseThrow();
            return new Answer(completion.id(), completion.model(), choice.message().content().orElse(""),
                    choice.finishReason().asString(),
                    new Answer.Tokens((int) usage.promptTokens(),
                            usage.promptTokensDetails().flatMap(details -> details.cachedTokens()).orElse(0L).intValue(),
                            (int) usage.completionTokens(),
                            usage.completionTokensDetails().flatMap(details -> details.reasoningTokens()).orElse(0L).intValue()));
        } finally {
            client.close(); // not AutoCloseable, yet it owns a connection pool and threads
        }
    }
    // end::sdk-chat[]

    // tag::sdk-responses[]
    static Answer response(String baseUrl, String key) {
        OpenAIClient client = OpenAIOkHttpClient.builder().apiKey(key).baseUrl(baseUrl + "/v1").build();
        try {
            Response response = client.responses().create(ResponseCreateParams.builder()
                    .model(ResponsesApi.MODEL)
                    .instructions(CompletionsLesson.SYSTEM)
                    .inputOfResponse(List.of(ResponseInputItem.ofEasyInputMessage(EasyInputMessage.builder()
                            .role(EasyInputMessage.Role.USER)
                            .content(CompletionsLesson.QUESTION)
                            .build())))
                    .store(false)
                    .build());
            // openai-java has no outputText() shortcut: walk the output items, as on the wire.
            String text = response.output().stream()
                    .flatMap(item -> item.message().stream())
                    .flatMap(message -> message.content().stream())
                    .flatMap(content -> content.outputText().stream())
                    .map(ResponseOutputText::text)
                    .collect(Collectors.joining());
            ResponseUsage usage = response.usage().orElseThrow();
            return new Answer(response.id(), modelName(response.model()), text,
                    response.status().map(ResponseStatus::asString).orElse(""),
                    new Answer.Tokens((int) usage.inputTokens(), (int) usage.inputTokensDetails().cachedTokens(),
                            (int) usage.outputTokens(), (int) usage.outputTokensDetails().reasoningTokens()));
        } finally {
            client.close();
        }
    }
    // end::sdk-responses[]

    /** The SDK types a model as a union: a ChatModel constant it knows, a Responses-only one, or any string. */
    private static String modelName(ResponsesModel model) {
        return model.string()
                .or(() -> model.chat().map(ChatModel::asString))
                .or(() -> model.only().map(only -> only.asString()))
                .orElse("");
    }

    // tag::sdk-anthropic[]
    static Answer message(String baseUrl, String key) {
        AnthropicClient client = AnthropicOkHttpClient.builder().apiKey(key).baseUrl(baseUrl).build();
        try {
            Message message = client.messages().create(MessageCreateParams.builder()
                    .model(AnthropicMessagesApi.MODEL)
                    .maxTokens(AnthropicMessagesApi.MAX_TOKENS)
                    .system(CompletionsLesson.SYSTEM)
                    .addUserMessage(CompletionsLesson.QUESTION)
                    .build());
            String text = message.content().stream()
                    .flatMap(block -> block.text().stream())   // skip thinking and tool_use blocks
                    .map(TextBlock::text)
                    .collect(Collectors.joining());
            long cacheRead = message.usage().cacheReadInputTokens().orElse(0L);
            long allInput = message.usage().inputTokens() + cacheRead
                    + message.usage().cacheCreationInputTokens().orElse(0L);
            return new Answer(message.id(), message.model().asString(), text,
                    message.stopReason().map(StopReason::asString).orElse(""),
                    new Answer.Tokens((int) allInput, (int) cacheRead, (int) message.usage().outputTokens(), null));
        } finally {
            client.close();
        }
    }
    // end::sdk-anthropic[]

    // tag::sdk-gemini[]
    static Answer generateContent(String baseUrl, String key) {
        try (Client client = Client.builder()
                .apiKey(key)
                .httpOptions(HttpOptions.builder().baseUrl(baseUrl).build())
                .build()) {
            GenerateContentConfig config = GenerateContentConfig.builder()
                    .systemInstruction(Content.fromParts(Part.fromText(CompletionsLesson.SYSTEM)))
                    .build();
            GenerateContentResponse response = client.models.generateContent(GeminiApi.MODEL, CompletionsLesson.QUESTION, config);
            GenerateContentResponseUsageMetadata usage = response.usageMetadata().orElseThrow();
            int thoughts = usage.thoughtsTokenCount().orElse(0);
            return new Answer(response.responseId().orElse(""), response.modelVersion().orElse(""), response.text(),
                    String.valueOf(response.finishReason()),
                    new Answer.Tokens(usage.promptTokenCount().orElse(0), usage.cachedContentTokenCount().orElse(0),
                            usage.candidatesTokenCount().orElse(0) + thoughts, thoughts));
        }
    }
    // end::sdk-gemini[]
}
