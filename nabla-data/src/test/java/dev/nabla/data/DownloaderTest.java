package dev.nabla.data;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import dev.nabla.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local HTTP server on 127.0.0.1 serving small fake IDX files; never the internet. */
class DownloaderTest {
    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private Downloader downloader;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = files.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            exchange.close();
        });
        server.start();
        downloader = new Downloader(HttpClient.newHttpClient(), new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base(String folder) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + folder + "/");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void downloadsVerifiesAndShowsProgress() throws Exception {
        byte[] idx = IdxFixtures.unsignedBytes(new int[] {4}, new byte[] {3, 1, 4, 1}, true);
        files.put("/a/labels.gz", idx);
        Path target = dir.resolve("sub/labels.gz");
        downloader.download(List.of(base("a").resolve("labels.gz")), target, sha256(idx));
        assertArrayEquals(idx, Files.readAllBytes(target));
        assertArrayEquals(new int[] {3, 1, 4, 1}, Idx.read(target).toIntArray());
        String bar = progress.toString(StandardCharsets.UTF_8);
        assertTrue(bar.contains("labels.gz") && bar.contains("100%"), bar);
    }

    @Test
    void aWrongChecksumLeavesNoFileAndSaysBothSums() throws Exception {
        byte[] idx = IdxFixtures.unsignedBytes(new int[] {1}, new byte[] {9}, false);
        files.put("/a/f.gz", idx);
        Path target = dir.resolve("f.gz");
        String expected = "0".repeat(64);
        var e = assertThrows(IOException.class, () -> downloader.download(List.of(base("a").resolve("f.gz")), target, expected));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains(sha256(idx)), e.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing left behind, not even the temporary file");
        }
    }

    @Test
    void fallsBackToTheNextMirror() throws Exception {
        byte[] idx = IdxFixtures.unsignedBytes(new int[] {1}, new byte[] {9}, false);
        files.put("/second/f", idx);
        Path target = dir.resolve("f");
        downloader.download(List.of(base("first").resolve("f"), base("second").resolve("f")), target, sha256(idx));
        assertArrayEquals(idx, Files.readAllBytes(target));
        var e = assertThrows(IOException.class, () -> downloader.download(List.of(base("none").resolve("f")), dir.resolve("g"), sha256(idx)));
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("/none/f"), e.getMessage());
    }

    @Test
    void anMnistStyleSourceDownloadsOnceThenReadsFromDisk() throws Exception {
        byte[] images = IdxFixtures.unsignedBytes(new int[] {3, 2, 2}, new byte[] {0, (byte) 255, 51, 102, 1, 2, 3, 4, 5, 6, 7, 8}, true);
        byte[] labels = IdxFixtures.unsignedBytes(new int[] {3}, new byte[] {7, 0, 2}, true);
        files.put("/fake/train-images-idx3-ubyte.gz", images);
        files.put("/fake/train-labels-idx1-ubyte.gz", labels);
        var source = new IdxImageSource("Fake", "fake-mnist", List.of(base("fake")),
                Map.of("train-images-idx3-ubyte.gz", sha256(images), "train-labels-idx1-ubyte.gz", sha256(labels)), List.of("a", "b", "c", "d", "e", "f", "g", "h"));

        ImageDataset ds = source.load(Split.TRAIN, dir, downloader);
        assertEquals(2, requests.get());
        assertTrue(Files.exists(dir.resolve("fake-mnist/train-images-idx3-ubyte.gz")));
        assertArrayEquals(new int[] {3, 1, 2, 2}, ds.images().shape());
        assertArrayEquals(new float[] {0, 1, 0.2f, 0.4f}, ds.images().select(0, 0).flatten().toFloatArray(), 1e-6f);
        assertArrayEquals(new long[] {7, 0, 2}, ds.labels().toLongArray());
        Tensor[] sample = ds.get(2);
        assertEquals(2, sample[1].item());

        source.load(Split.TRAIN, dir, downloader);
        assertEquals(2, requests.get(), "files on disk are not fetched again");
        var e = assertThrows(IOException.class, () -> source.load(Split.TEST, dir, null));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz") && e.getMessage().contains("downloading is off"), e.getMessage());
    }
}
