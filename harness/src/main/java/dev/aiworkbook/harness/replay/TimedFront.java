package dev.aiworkbook.harness.replay;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The timed stream server: a small HTTP/1.1 front in front of WireMock. WireMock still matches every
 * request (fixtures, scenarios, faults, near misses); the front passes its answers through byte for
 * byte, except a response whose body file has a timing sidecar ({@link StreamTiming}): that one it
 * writes piece by piece at the recorded times, scaled by the speed, and ends as the sidecar says
 * (cleanly, with a reset connection, or stalled).
 *
 * <p>WireMock cannot do this itself: it buffers a whole body and writes it at once.
 */
final class TimedFront implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "content-length", "accept-encoding", "te", "upgrade");
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final long STALL_LIMIT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    /** A backend answer: the head as parsed, and what is needed to find its timing. */
    private record Head(byte[] raw, String statusLine, List<String[]> headers) {
        Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }
    }

    private final int backendPort;
    private final Function<String, Optional<StreamTiming>> timingForStub;
    private final double speed;
    private final ServerSocket listener;
    private final ExecutorService workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    TimedFront(int backendPort, Function<String, Optional<StreamTiming>> timingForStub, double speed) throws IOException {
        this.backendPort = backendPort;
        this.timingForStub = timingForStub;
        this.speed = speed;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "replay-timed-front");
            thread.setDaemon(true);
            return thread;
        });
        workers.execute(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                open.add(client);
                workers.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            open.add(backend);
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
            forwardRequest(client.getInputStream(), backend.getOutputStream());
            relayResponse(backend.getInputStream(), client);
        } catch (IOException e) {
            // The client or the backend went away: nothing to answer to.
        } finally {
            open.remove(client);
        }
    }

    /** Sends the client's request on with Connection: close and identity encoding, so the body's bytes stay the file's. */
    private static void forwardRequest(InputStream in, OutputStream backend) throws IOException {
        List<String> lines = readHeadLines(in);
        if (lines == null || lines.isEmpty()) {
            throw new EOFException("no request");
        }
        byte[] body = readRequestBody(in, lines);
        StringBuilder head = new StringBuilder(lines.get(0)).append("\r\n");
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && !HOP_BY_HOP.contains(line.substring(0, colon).trim().toLowerCase(Locale.ROOT))) {
                head.append(line).append("\r\n");
            }
        }
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        backend.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        backend.write(body);
        backend.flush();
    }

    private void relayResponse(InputStream backendIn, Socket client) throws IOException {
        OutputStream out = client.getOutputStream();
        Head head;
        try {
            head = readHead(backendIn);
        } catch (SocketException e) {
            reset(client);
            return;
        }
        if (head == null) {
            return;
        }
        Optional<StreamTiming> timed = head.header("Matched-Stub-Id").flatMap(timingForStub);
        if (timed.isEmpty()) {
            out.write(head.raw());
            pipe(backendIn, out, client);
            return;
        }
        byte[] body = readResponseBody(backendIn, head);
        // A sidecar that does not fit its body is a broken fixture: say so where the learner looks.
        timed.get().validate(body.length, "the timing sidecar of " + head.header("Matched-Stub-Name").orElse("a fixture"));
        replay(head, body, timed.get(), client);
    }

    /** Passes the rest of the backend's bytes through; a reset from WireMock becomes a reset here. */
    private static void pipe(InputStream in, OutputStream out, Socket client) throws IOException {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException e) {
            reset(client);
        }
    }

    private void replay(Head head, byte[] body, StreamTiming timing, Socket client) throws IOException {
        OutputStream out = client.getOutputStream();
        StringBuilder text = new StringBuilder(head.statusLine()).append("\r\n");
        for (String[] header : head.headers()) {
            if (!HOP_BY_HOP.contains(header[0].toLowerCase(Locale.ROOT))) {
                text.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
        }
        text.append("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        long start = System.nanoTime();
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        for (StreamTiming.Piece piece : timing.pieces(body, speed)) {
            sleepUntil(start + TimeUnit.MILLISECONDS.toNanos(piece.atMs()));
            out.write((Integer.toHexString(piece.bytes().length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(piece.bytes());
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        switch (timing.end()) {
            case CLOSE -> {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            case RESET -> reset(client);
            case STALL -> stall(client);
        }
    }

    /** Sleeps to an absolute time, so small errors never add up over a long stream. */
    private static void sleepUntil(long nanoTime) {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(left);
        }
    }

    /** Keeps the connection open and silent until the client gives up or the server closes. */
    private void stall(Socket client) throws IOException {
        client.setSoTimeout((int) STALL_LIMIT_MILLIS);
        try {
            while (!closed && client.getInputStream().read() >= 0) {
                // Discard whatever the client sends; wait for it to hang up.
            }
        } catch (IOException e) {
            // Timed out or closed: either way the stall is over.
        }
    }

    /** Closes with a TCP reset, as a cut connection looks to the client. */
    private static void reset(Socket client) throws IOException {
        client.setSoLinger(true, 0);
        client.close();
    }

    private static List<String> readHeadLines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        for (int b; (b = in.read()) >= 0; ) {
            if (++total > MAX_HEAD_BYTES) {
                throw new IOException("head too large");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return lines.isEmpty() ? lines : null;
    }

    private static Head readHead(InputStream in) throws IOException {
        List<String> lines = readHeadLines(in);
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        List<String[]> headers = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        for (String line : lines) {
            raw.append(line).append("\r\n");
        }
        raw.append("\r\n");
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
            }
        }
        return new Head(raw.toString().getBytes(StandardCharsets.ISO_8859_1), lines.get(0), headers);
    }

    private static byte[] readRequestBody(InputStream in, List<String> lines) throws IOException {
        String length = null;
        boolean chunked = false;
        for (String line : lines.subList(1, lines.size())) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = line.substring(line.indexOf(':') + 1).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            return readChunked(in);
        }
        return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    }

    private static byte[] readResponseBody(InputStream in, Head head) throws IOException {
        if (head.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            return readChunked(in);
        }
        Optional<String> length = head.header("Content-Length");
        return length.isPresent() ? in.readNBytes(Integer.parseInt(length.get())) : in.readAllBytes();
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            List<String> sizeLine = readLine(in);
            String size = sizeLine.get(0);
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            if (n == 0) {
                while (!readLine(in).get(0).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            readLine(in);
        }
    }

    private static List<String> readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return List.of(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
            }
            line.write(b);
        }
        throw new EOFException("stream ended inside a chunked body");
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        workers.shutdownNow();
    }
}
