package dev.nabla;

import static dev.nabla.Nabla.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.nabla.testing.Fixtures;
import dev.nabla.testing.Fixtures.Case;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EinsumTest {
    private static Tensor r(long seed, int... shape) {
        return randn(new Generator(seed), shape).toDouble();
    }

    private static void close(Tensor expected, Tensor actual) {
        Fixtures.assertClose(expected, actual, 1e-10, 1e-12, "value");
    }

    static List<Case> cases() {
        return Fixtures.load("einsum");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(Case c) {
        Fixtures.check(c, in -> einsum(c.stringParam("equation", ""), in), 1e-9, 1e-12);
    }

    @Test
    void agreesWithMatmulForms() {
        Tensor a = r(1, 2, 3, 4, 5), b = r(2, 2, 3, 6, 5), v = r(3, 5);
        close(a.matmul(b.mT()), einsum("bhqd,bhkd->bhqk", a, b));
        close(a.matmul(v), einsum("bhqd,d->bhq", a, v));
        close(a.sum(new int[] {1, 3}, false), einsum("bhqd->bq", a));
        close(a.permute(3, 0, 2, 1), einsum("b h q d -> d b q h", a));
        // implicit output: letters used once, alphabetical (uppercase first), after the "..." dims
        Tensor m = r(4, 3, 4), n = r(5, 4, 2);
        close(m.matmul(n).t(), einsum("kA,Ab", m, n));
        close(m.t(), einsum("aZ", m));
        close(m.matmul(n), einsum("ij,jk", m, n));
        close(r(6, 2, 7, 3, 4).matmul(n), einsum("...ij,jk", r(6, 2, 7, 3, 4), n));
    }

    @Test
    void ellipsisBroadcastsSizeOneDims() {
        Tensor a = r(7, 2, 1, 3, 4), b = r(8, 5, 4, 6);
        close(a.matmul(b), einsum("...ij,...jk->...ik", a, b));
    }

    @Test
    void gradcheckOnNonContiguousOperands() {
        Tensor x = r(9, 3, 4), w = r(10, 2, 4, 5), y = r(11, 5, 3);
        assertTrue(gradcheck(t -> einsum("bn,anm,bm->ba", t[0].t().t(), t[1], t[2].t()), x, w, y));
        assertTrue(gradcheck(t -> einsum("ij,jk->ik", t[0].t(), t[1].select(0, 1).t().t()), r(12, 4, 3), w));
        assertTrue(gradcheck(t -> einsum("bhqd,bhkd->bhqk", t[0].transpose(1, 2), t[1]), r(13, 2, 3, 2, 4), r(14, 2, 2, 5, 4)));
        assertTrue(gradcheck(t -> einsum("i,i->", t[0].slice(0, 0, 8, 2), t[1]), r(15, 8), r(16, 4)));
    }

    @Test
    void vmapMatchesALoop() {
        Tensor q = r(17, 3, 2, 4, 5), k = r(18, 3, 2, 6, 5), w = r(19, 5, 5);
        TensorFn f = t -> einsum("hqd,hkd->hqk", einsum("hqd,de->hqe", t[0], t[2]), t[1]).softmax(-1);
        Tensor batched = vmap(f, new int[] {0, 0, UNBATCHED}, 0).apply(q, k, w);
        Tensor[] rows = new Tensor[3];
        for (int b = 0; b < 3; b++) rows[b] = f.apply(q.select(0, b), k.select(0, b), w);
        close(stack(rows, 0), batched);
    }

    private static void rejects(String equation, String fragment, Tensor... operands) {
        String m = assertThrows(IllegalArgumentException.class, () -> einsum(equation, operands)).getMessage();
        assertTrue(m.startsWith("einsum: ") && m.contains(fragment), m);
    }

    @Test
    void malformedEquationsGiveClearErrors() {
        Tensor m = r(20, 3, 4), n = r(21, 4, 5), v = r(22, 4);
        rejects("ij,jk->ik", "names 2 operand(s) but 1", m);
        rejects("ij,jk->ik", "subscript 'j' has size 5", m, n.t());
        rejects("ijk,jk->ik", "operand 0 has shape [3, 4]", m, n);
        rejects("ii->i", "repeats subscript 'i'", r(23, 3, 3));
        rejects("ij->ix", "output subscript 'x'", m);
        rejects("ij->ii", "repeats subscript 'i'", m);
        rejects("i1,i->", "invalid character '1'", v, v);
        rejects("i.j->", "invalid character '.'", m);
        rejects("ij->i->j", "more than one '->'", m);
        rejects("...ij->ij", "add '...' to the output", r(24, 2, 3, 4));
        rejects("...i,...i->...", "cannot be broadcast", r(25, 2, 4), r(26, 3, 4));
        rejects("", "needs at least one operand");
    }
}
