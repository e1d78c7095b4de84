package io.mlgates.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.metrics.ExactSum;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rank lists that travel between tasks: merged in any grouping, they are the lists of all their rows. */
class RankListTest {
    /** Rows at a score: how many, whether every one weighs 1, and the exact sum of their weights. */
    private record Group(long rows, boolean unit, ExactSum.Exact weight) {
        Group plus(Group o) {
            return new Group(rows + o.rows, unit && o.unit, weight.add(o.weight));
        }
    }

    @Test
    @DisplayName("random shards merged in random trees give the list built from all their rows at once")
    void mergesAreExactInAnyTree() throws Exception {
        Random random = new Random(1712);
        for (int trial = 0; trial < 200; trial++) {
            int shards = 1 + random.nextInt(9);
            List<TreeMap<Double, Group>> parts = new ArrayList<>();
            TreeMap<Double, Group> all = new TreeMap<>(Collections.reverseOrder());
            for (int s = 0; s < shards; s++) {
                TreeMap<Double, Group> part = new TreeMap<>(Collections.reverseOrder());
                int n = random.nextInt(trial < 20 ? 5 : 300);
                for (int i = 0; i < n; i++) {
                    double score = random.nextInt(200) / 199.0;
                    double w = random.nextInt(4) == 0 ? random.nextDouble() * Math.scalb(1.0, random.nextInt(80) - 40)
                            : 1.0;
                    Group g = new Group(1, w == 1.0, exact(w));
                    part.merge(score, g, Group::plus);
                    all.merge(score, g, Group::plus);
                }
                parts.add(part);
            }
            List<RankList> lists = new ArrayList<>(parts.stream().map(RankListTest::build).toList());
            // merge random pairs until one is left, each list through Java serialization as between tasks
            while (lists.size() > 1) {
                RankList a = lists.remove(random.nextInt(lists.size()));
                RankList b = lists.remove(random.nextInt(lists.size()));
                lists.add(roundTrip(RankList.merge(a, b)));
            }
            assertThat(lists.get(0)).as("trial " + trial).isEqualTo(build(all));
        }
    }

    @Test
    @DisplayName("a cursor reads back each score's rows and exact weight")
    void cursorReadsBack() {
        ExactSum.Exact big = ExactSum.Exact.of(BigInteger.ONE.shiftLeft(200).add(BigInteger.ONE), -1100);
        RankList list = new RankList.Builder(1).add(1.0, 3, null).add(0.5, 2, big).add(0.0, 70000,
                ExactSum.Exact.of(BigInteger.valueOf(-5), 7)).build();
        RankList.Cursor c = list.cursor();
        assertThat(c.next()).isTrue();
        assertThat(c.score()).isEqualTo(1.0);
        assertThat(c.rows()).isEqualTo(3);
        assertThat(c.allUnit()).isTrue();
        assertThat(c.weight()).isEqualTo(ExactSum.Exact.of(BigInteger.valueOf(3), 0));
        assertThat(c.next()).isTrue();
        assertThat(c.allUnit()).isFalse();
        assertThat(c.weight()).isEqualTo(big);
        assertThat(c.next()).isTrue();
        assertThat(c.rows()).isEqualTo(70000);
        assertThat(c.weight().toString()).isEqualTo("-0x5p7");
        assertThat(c.next()).isFalse();
    }

    private static RankList build(TreeMap<Double, Group> groups) {
        RankList.Builder b = new RankList.Builder(groups.size());
        for (Map.Entry<Double, Group> e : groups.entrySet()) {
            b.add(e.getKey(), e.getValue().rows(), e.getValue().unit() ? null : e.getValue().weight());
        }
        return b.build();
    }

    private static ExactSum.Exact exact(double w) {
        ExactSum sum = new ExactSum();
        sum.add(w);
        return sum.exact();
    }

    private static RankList roundTrip(RankList list) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(list);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (RankList) in.readObject();
        }
    }
}
