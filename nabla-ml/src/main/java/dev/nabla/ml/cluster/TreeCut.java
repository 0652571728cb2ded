package dev.nabla.ml.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * sklearn's _hc_cut: undo the last nClusters − 1 merges, keeping the open nodes in a binary heap of
 * negated node ids exactly as Python's heapq would, so cluster numbers (heap positions) equal sklearn's.
 */
final class TreeCut {
    private TreeCut() {}

    static int[] labels(int[][] children, int nLeaves, int nClusters) {
        List<Integer> heap = new ArrayList<>();
        heap.add(-(Math.max(children[children.length - 1][0], children[children.length - 1][1]) + 1));
        for (int c = 0; c < nClusters - 1; c++) {
            int[] these = children[-heap.get(0) - nLeaves];
            push(heap, -these[0]);
            pushPop(heap, -these[1]);
        }
        int[] labels = new int[nLeaves];
        for (int i = 0; i < heap.size(); i++)
            for (int leaf : leaves(-heap.get(i), children, nLeaves)) labels[leaf] = i;
        return labels;
    }

    private static List<Integer> leaves(int node, int[][] children, int nLeaves) {
        List<Integer> out = new ArrayList<>();
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.push(node);
        while (!todo.isEmpty()) {
            int v = todo.pop();
            if (v < nLeaves) out.add(v);
            else {
                todo.push(children[v - nLeaves][0]);
                todo.push(children[v - nLeaves][1]);
            }
        }
        return out;
    }

    /** heapq.heappush. */
    private static void push(List<Integer> heap, int item) {
        heap.add(item);
        siftDown(heap, 0, heap.size() - 1);
    }

    /** heapq.heappushpop: push, then pop the smallest. */
    private static void pushPop(List<Integer> heap, int item) {
        if (!heap.isEmpty() && heap.get(0) < item) {
            heap.set(0, item);
            siftUp(heap, 0);
        }
    }

    private static void siftDown(List<Integer> heap, int start, int pos) {
        int item = heap.get(pos);
        while (pos > start) {
            int parent = (pos - 1) >> 1;
            if (item >= heap.get(parent)) break;
            heap.set(pos, heap.get(parent));
            pos = parent;
        }
        heap.set(pos, item);
    }

    private static void siftUp(List<Integer> heap, int pos) {
        int end = heap.size(), start = pos, item = heap.get(pos), child = 2 * pos + 1;
        while (child < end) {
            int right = child + 1;
            if (right < end && !(heap.get(child) < heap.get(right))) child = right;
            heap.set(pos, heap.get(child));
            pos = child;
            child = 2 * pos + 1;
        }
        heap.set(pos, item);
        siftDown(heap, start, pos);
    }
}
