package dev.aiworkbook.harness.replay;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.verification.NearMiss;
import com.github.tomakehurst.wiremock.verification.diff.PlainTextDiffRenderer;
import dev.aiworkbook.harness.secrets.SecretScanner;
import java.util.List;
import java.util.Map;

/** Turns WireMock's near misses into a message a learner can act on. */
final class UnmatchedReport {

    private static final String MISMATCH_MARKER = "<<<<<";

    private UnmatchedReport() {
    }

    static String describe(WireMockServer server, String topic) {
        List<LoggedRequest> unmatched = server.findAllUnmatchedRequests();
        if (unmatched.isEmpty()) {
            return "";
        }
        StringBuilder report = new StringBuilder();
        report.append(unmatched.size() == 1 ? "A request" : unmatched.size() + " requests")
                .append(" matched no fixture in fixtures/").append(topic).append("/mappings.\n");
        for (LoggedRequest request : unmatched) {
            report.append('\n').append(describeOne(server, request));
        }
        return SecretScanner.redact(report.toString());
    }

    private static String describeOne(WireMockServer server, LoggedRequest request) {
        StringBuilder text = new StringBuilder();
        text.append("Your code sent: ").append(request.getMethod()).append(' ').append(request.getUrl()).append('\n');
        List<NearMiss> nearMisses = server.findNearMissesFor(request);
        if (nearMisses.isEmpty()) {
            return text.append("No fixture comes close: check the method and the path against the lesson.\n").toString();
        }
        NearMiss closest = nearMisses.get(0);
        String rendered = new PlainTextDiffRenderer(Map.of()).render(closest.getDiff());
        String name = closest.getStubMapping() == null ? null : closest.getStubMapping().getName();
        text.append("Closest fixture: ").append(name == null ? "(unnamed)" : '"' + name + '"').append('\n');
        List<String> differences = rendered.lines()
                .filter(line -> line.contains(MISMATCH_MARKER))
                .map(UnmatchedReport::describeMismatchRow)
                .filter(line -> !line.isEmpty())
                .map(line -> "  - " + line)
                .toList();
        if (!differences.isEmpty()) {
            text.append("What differed:\n");
            differences.forEach(line -> text.append(line).append('\n'));
        }
        text.append("Closest fixture (left) against your request (right):\n").append(rendered);
        return text.toString();
    }

    /**
     * One table row reads "expected | actual  <<<<< reason"; say it in words. Empty for rows WireMock
     * marks although they matched (an {@code [absent]} header that is indeed absent).
     */
    private static String describeMismatchRow(String line) {
        int marker = line.indexOf(MISMATCH_MARKER);
        String reason = line.substring(marker + MISMATCH_MARKER.length()).trim();
        String row = line.substring(0, marker);
        int bar = row.indexOf('|');
        if (bar < 0) {
            return reason + ": " + row.trim();
        }
        String expected = row.substring(0, bar).trim();
        String actual = row.substring(bar + 1).trim();
        if (expected.contains("[absent]") && actual.isEmpty()) {
            return "";
        }
        return reason + ": expected " + (expected.isEmpty() ? "nothing" : expected)
                + ", got " + (actual.isEmpty() ? "nothing" : actual);
    }
}
