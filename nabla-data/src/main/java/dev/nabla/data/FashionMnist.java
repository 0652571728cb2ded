package dev.nabla.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Fashion-MNIST (Zalando Research, MIT licence): 60,000 training and 10,000 test images of 28x28 grey
 * pixels in 10 clothing classes, laid out like MNIST. Read from {@link DataHome#root()}/fashion-mnist,
 * downloaded there first when missing (checked against the published SHA-256 of each file).
 */
public final class FashionMnist {
    static final IdxImageSource SOURCE = new IdxImageSource("Fashion-MNIST", "fashion-mnist",
            // the project's own S3 site serves plain HTTP only; the pinned SHA-256 is what makes it safe
            List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
            Map.of("train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                    "train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                    "t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                    "t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"),
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));

    private FashionMnist() {}

    /** Images [n, 1, 28, 28] float32 in [0, 1] and int64 labels, downloading into the data home if needed. */
    public static ImageDataset load(Split split) throws IOException {
        return load(split, DataHome.root(), true);
    }

    /** From root/fashion-mnist; with download false a missing file is an error instead of a download. */
    public static ImageDataset load(Split split, Path root, boolean download) throws IOException {
        return SOURCE.load(split, root, download ? new Downloader() : null);
    }
}
