package dev.nabla.data;

import dev.nabla.DType;
import dev.nabla.Tensor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An MNIST-style dataset: four gzipped IDX files in root/folder, fetched from mirrors when absent.
 * Files already present are used as they are (they may be re-compressed copies, so only downloads
 * are checked against the pinned SHA-256); an uncompressed file without ".gz" is accepted too.
 */
record IdxImageSource(String title, String folder, List<URI> mirrors, Map<String, String> sha256, List<String> classes) {

    ImageDataset load(Split split, Path root, Downloader downloader) throws IOException {
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        Path images = locate(root, prefix + "-images-idx3-ubyte", downloader);
        Path labels = locate(root, prefix + "-labels-idx1-ubyte", downloader);

        Tensor x = Idx.read(images, DType.FLOAT32);
        Tensor y = Idx.read(labels, DType.INT64);
        if (x.dim() != 3 || y.dim() != 1 || x.size(0) != y.size(0))
            throw new IOException(title + ": " + images + " holds shape " + Arrays.toString(x.shape()) + " and " + labels + " holds "
                    + Arrays.toString(y.shape()) + "; expected images [n, h, w] and labels [n]");
        float[] pixels = x.storage().floats();
        for (int i = 0; i < pixels.length; i++) pixels[i] /= 255f;
        return new ImageDataset(x.unsqueeze(1), y, classes);
    }

    private Path locate(Path root, String name, Downloader downloader) throws IOException {
        Path dir = root.resolve(folder);
        Path gz = dir.resolve(name + ".gz");
        if (Files.exists(gz)) return gz;
        Path plain = dir.resolve(name);
        if (Files.exists(plain)) return plain;
        if (downloader == null)
            throw new IOException(title + ": " + gz + " not found, and downloading is off; put the IDX files in " + dir + " or allow the download");
        List<URI> urls = mirrors.stream().map(m -> m.resolve(name + ".gz")).toList();
        return downloader.download(urls, gz, sha256.get(name + ".gz"));
    }
}
