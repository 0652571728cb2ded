package dev.nabla.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * MNIST handwritten digits (LeCun, Cortes and Burges): 60,000 training and 10,000 test images of
 * 28x28 grey pixels, classes 0..9. Read from {@link DataHome#root()}/mnist, downloaded there first
 * when missing (checked against the published SHA-256 of each file).
 */
public final class Mnist {
    static final IdxImageSource SOURCE = new IdxImageSource("MNIST", "mnist",
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"), URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            Map.of("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

    private Mnist() {}

    /** Images [n, 1, 28, 28] float32 in [0, 1] and int64 labels, downloading into the data home if needed. */
    public static ImageDataset load(Split split) throws IOException {
        return load(split, DataHome.root(), true);
    }

    /** From root/mnist; with download false a missing file is an error instead of a download. */
    public static ImageDataset load(Split split, Path root, boolean download) throws IOException {
        return SOURCE.load(split, root, download ? new Downloader() : null);
    }
}
