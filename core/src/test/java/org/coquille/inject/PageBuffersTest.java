package org.coquille.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/** The pool of held pages' arrays: bounded in memory, reusing arrays, never handing one out twice. */
class PageBuffersTest {

    @Test
    void aReleasedArrayServesTheNextPageOfItsSize() {
        PageBuffers pool = new PageBuffers(PageBuffers.DEFAULT_MAX_BYTES);
        PageBuffer first = pool.take(50_000);
        byte[] array = first.bytes();
        first.release();

        PageBuffer second = pool.take(40_000);

        assertThat(second.bytes()).isSameAs(array).hasSize(64 * 1024);
        assertThat(second.length()).isZero();
    }

    @Test
    void neverKeepsMoreThanItsTotalWhateverThePages() {
        long max = 3L << 20;
        PageBuffers pool = new PageBuffers(max);
        List<PageBuffer> held = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int size = 1; size <= 2 * PageBuffers.LARGEST; size = size * 3 / 2 + 1) {
                for (int i = 0; i < 20; i++) {
                    held.add(pool.take(size));
                }
            }
            held.forEach(PageBuffer::release);
            held.clear();
            assertThat(pool.keptBytes()).isPositive().isLessThanOrEqualTo(max);
        }
    }

    @Test
    void keepsAsManyArraysOfASizeAsWereInUseAtOnceWithinItsShare() {
        PageBuffers pool = new PageBuffers(PageBuffers.DEFAULT_MAX_BYTES);
        List<PageBuffer> inUse = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inUse.add(pool.take(60_000));
        }
        inUse.forEach(PageBuffer::release);

        assertThat(pool.keptBytes()).isEqualTo(5L * 64 * 1024);
    }

    @Test
    void aPageOverTheLargestArrayIsAllocatedForItselfAndNotKept() {
        PageBuffers pool = new PageBuffers(PageBuffers.DEFAULT_MAX_BYTES);
        int big = PageBuffers.LARGEST + 1;

        PageBuffer page = pool.take(big);
        assertThat(page.bytes()).hasSize(big);
        page.release();

        assertThat(pool.keptBytes()).isZero();
    }

    @Test
    void aPageReadIntoDirectBuffersGrowsPastItsFirstArrayWithEveryByteInOrder() {
        PageBuffers pool = new PageBuffers(PageBuffers.DEFAULT_MAX_BYTES);
        PageBuffer page = pool.take(PageBuffers.SMALLEST);
        java.nio.ByteBuffer part = java.nio.ByteBuffer.allocateDirect(10_000);
        for (int i = 0; i < 10_000; i++) {
            part.put((byte) i);
        }
        for (int round = 0; round < 3; round++) {
            part.flip();
            page.write(part);
            assertThat(part.hasRemaining()).isFalse();
        }

        assertThat(page.length()).isEqualTo(30_000);
        assertThat(page.bytes()).hasSizeGreaterThanOrEqualTo(30_000);
        for (int i = 0; i < 30_000; i++) {
            assertThat(page.bytes()[i]).isEqualTo((byte) (i % 10_000));
        }
    }

    @Test
    void aPoolOfNothingAllocatesEveryPage() {
        PageBuffers pool = new PageBuffers(0);
        PageBuffer first = pool.take(1_000);
        byte[] array = first.bytes();
        first.release();

        assertThat(pool.take(1_000).bytes()).isNotSameAs(array);
        assertThat(pool.keptBytes()).isZero();
    }

    @Test
    void aPageGrowsPastItsExpectedLengthKeepingEveryByte() {
        PageBuffers pool = new PageBuffers(PageBuffers.DEFAULT_MAX_BYTES);
        byte[] page = new byte[300_000];
        ThreadLocalRandom.current().nextBytes(page);

        PageBuffer held = pool.take(1_000);
        for (int at = 0; at < page.length; at += 7_000) {
            held.write(page, at, Math.min(7_000, page.length - at));
        }

        assertThat(Arrays.copyOf(held.bytes(), held.length())).isEqualTo(page);
        held.release();
        assertThat(pool.keptBytes()).as("the arrays it grew out of, and its last").isEqualTo(
                (16L + 32 + 64 + 128 + 256 + 512) * 1024);
    }

    @Test
    void releasingTwiceGivesTheArrayBackOnce() {
        PageBuffers pool = new PageBuffers(PageBuffers.DEFAULT_MAX_BYTES);
        PageBuffer page = pool.take(10_000);
        page.release();
        page.release();

        assertThat(pool.take(10_000).bytes()).isNotSameAs(pool.take(10_000).bytes());
        assertThatThrownBy(() -> page.write(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void manyThreadsNeverHoldTheSameArrayAndNeverSeeEachOthersBytes() throws Exception {
        long max = 2L << 20;
        PageBuffers pool = new PageBuffers(max);
        Set<byte[]> inUse = ConcurrentHashMap.newKeySet(); // arrays compare by identity
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                byte mark = (byte) ('a' + t);
                done.add(threads.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    byte[] chunk = new byte[4_096];
                    Arrays.fill(chunk, mark);
                    for (int i = 0; i < 2_000; i++) {
                        PageBuffer page = pool.take(random.nextInt(200_000));
                        int length = random.nextInt(1, 150_000);
                        for (int written = 0; written < length; written += chunk.length) {
                            page.write(chunk, 0, Math.min(chunk.length, length - written));
                        }
                        byte[] array = page.bytes();
                        assertThat(inUse.add(array)).as("an array held by two pages at once").isTrue();
                        Thread.yield();
                        for (int b = 0; b < page.length(); b++) {
                            if (array[b] != mark) {
                                throw new AssertionError("byte " + b + " of a page is another page's");
                            }
                        }
                        inUse.remove(array);
                        page.release();
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(pool.keptBytes()).isPositive().isLessThanOrEqualTo(max);
    }
}
