package org.meridian.insight.method;

/** Rank numbers shared by the methods that rank. */
final class Ranks {

    private Ranks() {
    }

    /** 1-based competition ranks, larger value first; values within {@code tie} share the better rank (1, 1, 3). */
    static int[] descending(double[] v, double tie) {
        int[] ranks = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            int better = 0;
            for (double other : v) {
                if (other > v[i] + tie) {
                    better++;
                }
            }
            ranks[i] = better + 1;
        }
        return ranks;
    }

    /** Ranks 1..n ascending (smallest value 1), ties given the average of the ranks they span. */
    static double[] averageAscending(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] ranks = new double[n];
        int k = 0;
        while (k < n) {
            int end = k;
            while (end + 1 < n && v[order[end + 1]] == v[order[k]]) {
                end++;
            }
            double average = (k + 1 + end + 1) / 2.0;
            for (int t = k; t <= end; t++) {
                ranks[order[t]] = average;
            }
            k = end + 1;
        }
        return ranks;
    }
}
