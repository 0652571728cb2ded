package dev.nabla.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Fetches a file from the first mirror that serves it with the expected SHA-256, showing a progress
 * bar. The bytes go to a temporary file beside the target and are moved into place only once the
 * checksum matches, so a broken or tampered download never sits under the real name.
 */
public final class Downloader {
    private final HttpClient client;
    private final PrintStream progress;

    /** Progress on stderr; redirects followed; 30 s to connect. */
    public Downloader() {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build(), System.err);
    }

    /** progress may be null for a silent download. */
    public Downloader(HttpClient client, PrintStream progress) {
        this.client = client;
        this.progress = progress;
    }

    /** Downloads to target (its folder is created) and returns it; fails listing what went wrong on each mirror. */
    public Path download(List<URI> mirrors, Path target, String sha256) throws IOException {
        if (mirrors.isEmpty()) throw new IllegalArgumentException("download: no mirrors given for " + target.getFileName());
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        List<String> failures = new ArrayList<>();
        for (URI uri : mirrors) {
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            try {
                String actual = fetch(uri, tmp, target.getFileName().toString());
                if (actual.equalsIgnoreCase(sha256)) {
                    AtomicFiles.moveIntoPlace(tmp, target);
                    return target;
                }
                failures.add(uri + ": SHA-256 mismatch: expected " + sha256 + ", got " + actual);
            } catch (IOException e) {
                failures.add(uri + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("download of " + target.getFileName() + " interrupted", e);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        throw new IOException("could not download " + target.getFileName() + " from any mirror:\n  " + String.join("\n  ", failures));
    }

    /** Streams uri into file and returns the SHA-256 of the bytes, in hex. */
    private String fetch(URI uri, Path file, String label) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode());
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            MessageDigest sha = sha256();
            ProgressBar bar = progress == null ? null : new ProgressBar(progress, label, total);
            long done = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                byte[] buf = new byte[1 << 16];
                for (int r; (r = body.read(buf)) > 0; ) {
                    out.write(buf, 0, r);
                    done += r;
                    if (bar != null) bar.update(done);
                }
            }
            if (bar != null) bar.finish(done);
            if (total >= 0 && done != total) throw new IOException("connection closed after " + done + " of " + total + " bytes");
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
