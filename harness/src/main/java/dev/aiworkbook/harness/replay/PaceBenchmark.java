package dev.aiworkbook.harness.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How faithfully the timed stream server keeps a recording's pace: it replays a synthetic stream of
 * SSE events with varied recorded gaps at 1x, times each event's arrival at a real HTTP client, and
 * prints how far the observed gaps drift from the recorded ones (goal: median under 5 ms).
 *
 * <p>Run it with {@code ./workbook benchmark [events] [runs]}.
 */
public final class PaceBenchmark {

    private static final double GOAL_MEDIAN_MS = 5.0;

    private PaceBenchmark() {
    }

    /** One run's drift figures, in milliseconds. */
    record Drift(int events, double median, double p95, double max) {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 80;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean met = run(events, runs, System.out);
        System.exit(met ? 0 : 1);
    }

    /** Runs the benchmark and prints its figures; true when every run meets the goal. */
    public static boolean run(int events, int runs, PrintStream out) throws IOException {
        Path fixtures = Files.createTempDirectory("pace-benchmark");
        long[] recorded = writeFixture(fixtures, events, new Random(42));
        out.printf(Locale.ROOT, "Timed stream replay at 1x: %d SSE events, recorded gaps %d to %d ms, %d runs%n",
                events, Arrays.stream(gaps(recorded)).min().orElse(0), Arrays.stream(gaps(recorded)).max().orElse(0), runs);
        out.println("run  events  median drift  p95 drift  max drift   (|observed gap - recorded gap|, ms)");
        boolean met = true;
        try (ReplayServer replay = ReplayServer.startFrom(fixtures, 1.0)) {
            for (int run = 1; run <= runs; run++) {
                Drift drift = measure(replay, recorded);
                out.printf(Locale.ROOT, "%3d  %6d  %12.2f  %9.2f  %9.2f%n", run, drift.events(), drift.median(), drift.p95(), drift.max());
                met &= drift.median() < GOAL_MEDIAN_MS;
            }
        }
        out.printf(Locale.ROOT, "Goal: median drift under %.0f ms: %s%n", GOAL_MEDIAN_MS, met ? "met" : "NOT met");
        return met;
    }

    /** A stream of {@code events} SSE events: time to first token 300 ms, then gaps of 5 to 80 ms. */
    private static long[] writeFixture(Path dir, int events, Random random) throws IOException {
        Files.createDirectories(dir.resolve("mappings"));
        Files.createDirectories(dir.resolve("__files"));
        StringBuilder body = new StringBuilder();
        StringBuilder chunks = new StringBuilder();
        long[] at = new long[events];
        for (int i = 0; i < events; i++) {
            at[i] = i == 0 ? 300 : at[i - 1] + 5 + random.nextInt(76);
            chunks.append(i == 0 ? "" : ",").append("{\"offset\":").append(body.toString().getBytes(StandardCharsets.UTF_8).length)
                    .append(",\"atMs\":").append(at[i]).append('}');
            body.append("data: {\"delta\":\"token ").append(i).append("\"}\n\n");
        }
        Files.writeString(dir.resolve("__files/bench.sse"), body);
        Files.writeString(dir.resolve("__files/bench.sse.timing.json"),
                "{\"format\":\"" + StreamTiming.FORMAT + "\",\"chunks\":[" + chunks + "],\"end\":\"close\"}");
        Files.writeString(dir.resolve("mappings/bench.json"), """
                {"name": "pace benchmark stream", "request": {"method": "POST", "urlPath": "/bench"},
                 "response": {"status": 200, "bodyFileName": "bench.sse",
                              "headers": {"Content-Type": "text/event-stream; charset=utf-8"}}}
                """);
        return at;
    }

    private static Drift measure(ReplayServer replay, long[] recorded) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(replay.url("/bench")).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        try (OutputStream body = connection.getOutputStream()) {
            body.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        long[] arrived = new long[recorded.length];
        try (InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[8192];
            int seen = 0;
            StringBuilder text = new StringBuilder();
            for (int n; (n = in.read(buffer)) >= 0 && seen < arrived.length; ) {
                long now = System.nanoTime();
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                int complete = count(text, "\n\n");
                while (seen < complete && seen < arrived.length) {
                    arrived[seen++] = now;
                }
            }
        }
        double[] drifts = new double[recorded.length - 1];
        for (int i = 1; i < recorded.length; i++) {
            double observedGap = (arrived[i] - arrived[i - 1]) / 1_000_000.0;
            drifts[i - 1] = Math.abs(observedGap - (recorded[i] - recorded[i - 1]));
        }
        Arrays.sort(drifts);
        return new Drift(recorded.length, percentile(drifts, 0.5), percentile(drifts, 0.95), drifts[drifts.length - 1]);
    }

    private static int count(CharSequence text, String separator) {
        int count = 0;
        for (int at = text.toString().indexOf(separator); at >= 0; at = text.toString().indexOf(separator, at + separator.length())) {
            count++;
        }
        return count;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }

    private static long[] gaps(long[] at) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < at.length; i++) {
            gaps.add(at[i] - at[i - 1]);
        }
        return gaps.stream().mapToLong(Long::longValue).toArray();
    }
}
