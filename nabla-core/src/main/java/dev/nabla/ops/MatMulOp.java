package dev.nabla.ops;

import dev.nabla.Batching;
import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Shapes;
import dev.nabla.Tensor;
import dev.nabla.cpu.Gemm;
import dev.nabla.cpu.Parallel;
import java.util.Arrays;

/** Batched matrix product of [..., n, k] and [..., k, m] with broadcast batch dims, on the GEMM kernels. */
final class MatMulOp extends Op {
    static final MatMulOp INSTANCE = new MatMulOp();

    @Override
    public String name() {
        return "matmul";
    }

    @Override
    public Tensor forward(Tensor[] in) {
        Tensor a = in[0], b = in[1];
        if (foldsIntoOneMatrix(a, b)) {
            // [..., n, k] x [k, m]: one GEMM of all the rows instead of one small GEMM per batch entry
            // (a Linear layer on [batch, seq, features]); the result is a view of the [rows, m] product.
            int[] shape = a.shape();
            shape[shape.length - 1] = b.size(1);
            return forward(new Tensor[] {a.reshape(-1, a.size(-1)), b}).reshape(shape);
        }
        int[] as = a.shape(), bs = b.shape();
        int n = as[as.length - 2], k = as[as.length - 1], k2 = bs[bs.length - 2], m = bs[bs.length - 1];
        if (k != k2)
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(as) + " and " + Shapes.str(bs) + " do not align (" + k + " != " + k2 + ")");
        int[] batch = Shapes.broadcast("matmul", Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2));
        DType dt = DType.promote(a.dtype(), b.dtype());
        DType ct = dt.isFloatingPoint() ? dt : DType.FLOAT64;
        a = a.dtype() == ct ? a : Conversions.convert(a, ct);
        b = b.dtype() == ct ? b : Conversions.convert(b, ct);
        Tensor out = Tensor.empty(ct, Shapes.concat(batch, new int[] {n, m}));
        int batches = Shapes.numel(batch);
        if (out.numel() == 0) return ct == dt ? out : Conversions.convert(out, dt);

        Operand pa = Operand.of(a.expand(Shapes.concat(batch, new int[] {n, k})), batch.length);
        Operand pb = Operand.of(b.expand(Shapes.concat(batch, new int[] {k, m})), batch.length);
        int[] outStrides = Shapes.contiguousStrides(batch);
        boolean f32 = ct == DType.FLOAT32;
        long flops = 2L * n * m * k;
        int grain = (int) Math.max(1, Math.min(batches, (1L << 22) / Math.max(1, flops)));
        Parallel.forRange(batches, batch.length == 0 ? 1 : grain, (s, e) -> {
            for (int bi = s; bi < e; bi++) {
                int ao = pa.offset(bi, batch, outStrides), bo = pb.offset(bi, batch, outStrides);
                int co = bi * n * m;
                if (f32)
                    Gemm.sgemm(pa.trans, pb.trans, n, m, k, 1f, pa.t.storage().floats(), ao, pa.ld,
                            pb.t.storage().floats(), bo, pb.ld, 0f, out.storage().floats(), co, m);
                else
                    Gemm.dgemm(pa.trans, pb.trans, n, m, k, 1.0, pa.t.storage().doubles(), ao, pa.ld,
                            pb.t.storage().doubles(), bo, pb.ld, 0.0, out.storage().doubles(), co, m);
            }
        });
        return ct == dt ? out : Conversions.convert(out, dt);
    }

    /** A matrix operand: its last two dims either row-major, column-major (transposed) or copied to be so. */
    private record Operand(Tensor t, boolean trans, int ld, int[] batchStrides) {
        static Operand of(Tensor t, int batchRank) {
            int[] st = t.stride(), sh = t.shape();
            int r = sh.length;
            int rows = sh[r - 2], cols = sh[r - 1];
            if (st[r - 1] == 1 && (st[r - 2] >= Math.max(1, cols) || rows == 1))
                return new Operand(t, false, Math.max(st[r - 2], Math.max(1, cols)), Arrays.copyOf(st, batchRank));
            if (st[r - 2] == 1 && (st[r - 1] >= Math.max(1, rows) || cols == 1))
                return new Operand(t, true, Math.max(st[r - 1], Math.max(1, rows)), Arrays.copyOf(st, batchRank));
            Tensor c = Conversions.convert(t, t.dtype());
            return new Operand(c, false, Math.max(1, cols), Arrays.copyOf(c.stride(), batchRank));
        }

        int offset(int flatBatch, int[] batch, int[] contiguous) {
            int off = t.offset();
            for (int d = 0; d < batch.length; d++) {
                int i = flatBatch / contiguous[d] % batch[d];
                off += i * batchStrides[d];
            }
            return off;
        }
    }

    private static boolean foldsIntoOneMatrix(Tensor a, Tensor b) {
        return a.dim() > 2 && b.dim() == 2 && a.isContiguous();
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
        Tensor a = in[0], b = in[1];
        return new Tensor[] {
            needs[0] ? ReduceOps.sumToShape(g.matmul(b.mT()), a.shape()) : null,
            needs[1] ? (b.dim() == 2 ? matrixGrad(a, b, g) : ReduceOps.sumToShape(a.mT().matmul(g), b.shape())) : null
        };
    }

    /**
     * The gradient of a 2-d b, a^T g summed over a's batch dims, as one product of the flattened rows
     * (not a batch of products summed afterwards). When b is a transposed view (Linear's weight.t()),
     * it is computed as (g^T a)^T, so the weight's own gradient comes out contiguous for the optimizer.
     */
    private static Tensor matrixGrad(Tensor a, Tensor b, Tensor g) {
        Tensor a2 = a.reshape(-1, a.size(-1)), g2 = g.reshape(-1, g.size(-1));
        boolean columnMajor = !b.isBatched() && b.stride()[0] == 1 && b.size(1) > 1 && b.stride()[1] == b.size(0);
        return columnMajor ? g2.mT().matmul(a2).mT() : a2.mT().matmul(g2);
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        Tensor[] aligned = Batching.alignForBroadcast(in, batched);
        return Dispatch.call(this, aligned[0], aligned[1]);
    }
}
