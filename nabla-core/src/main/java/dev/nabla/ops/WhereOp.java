package dev.nabla.ops;

import dev.nabla.Batching;
import dev.nabla.DType;
import dev.nabla.Dispatch;
import dev.nabla.Nabla;
import dev.nabla.Shapes;
import dev.nabla.Storage;
import dev.nabla.Tensor;

/** where(condition, x, y) with broadcasting; gradients flow to the branch that was taken. */
final class WhereOp extends Op {
    static final WhereOp INSTANCE = new WhereOp();

    @Override
    public String name() {
        return "where";
    }

    @Override
    public Tensor forward(Tensor[] in) {
        Tensor c = in[0].dtype() == DType.BOOL ? in[0] : in[0].ne(0);
        int[] shape = Shapes.broadcast("where", Shapes.broadcast("where", c.shape(), in[1].shape()), in[2].shape());
        DType dt = DType.promote(in[1].dtype(), in[2].dtype());
        Tensor x = in[1].dtype() == dt ? in[1] : Conversions.convert(in[1], dt);
        Tensor y = in[2].dtype() == dt ? in[2] : Conversions.convert(in[2], dt);
        Tensor out = Tensor.empty(dt, shape);
        if (out.numel() == 0) return out;
        StridedIter it = new StridedIter(shape, new int[][] {out.stride(), Elementwise.broadcastStrides(c, shape),
                Elementwise.broadcastStrides(x, shape), Elementwise.broadcastStrides(y, shape)},
                new int[] {0, c.offset(), x.offset(), y.offset()});
        boolean[] cs = c.storage().bools();
        Storage os = out.storage(), xs = x.storage(), ys = y.storage();
        int rl = it.rowLength, cst = it.operandStride(1), xst = it.operandStride(2), yst = it.operandStride(3);
        int[] offs = new int[4];
        for (int r = 0; r < it.rows; r++) {
            it.rowOffsets(r, offs);
            int o = offs[0], ci = offs[1], xi = offs[2], yi = offs[3];
            if (dt == DType.FLOAT32) {
                float[] od = os.floats(), xd = xs.floats(), yd = ys.floats();
                for (int i = 0; i < rl; i++, ci += cst, xi += xst, yi += yst) od[o + i] = cs[ci] ? xd[xi] : yd[yi];
            } else {
                for (int i = 0; i < rl; i++, ci += cst, xi += xst, yi += yst) os.setDouble(o + i, cs[ci] ? xs.getDouble(xi) : ys.getDouble(yi));
            }
        }
        return out;
    }

    @Override
    public Tensor[] backward(Tensor[] in, Tensor out, Tensor g, boolean[] needs) {
        Tensor zero = Nabla.scalarLike(0, g);
        return new Tensor[] {
            null,
            needs[1] ? ReduceOps.sumToShape(Nabla.where(in[0], g, zero), in[1].shape()) : null,
            needs[2] ? ReduceOps.sumToShape(Nabla.where(in[0], zero, g), in[2].shape()) : null
        };
    }

    @Override
    public Tensor batch(Tensor[] in, boolean[] batched) {
        Tensor[] a = Batching.alignForBroadcast(in, batched);
        return Dispatch.call(this, a[0], a[1], a[2]);
    }
}
