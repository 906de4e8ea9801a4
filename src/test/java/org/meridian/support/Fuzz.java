package org.meridian.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Meridian's small property-based test runner (docs/security.md, Hostile input): a property is checked on
 * {@code tries} inputs made by a generator from a fixed seed, so every run tries the same inputs and a failure can be
 * replayed. Try {@code i} of a property draws from its own seed ({@link #trySeed}); a failure names that seed and the
 * input. Inputs grow with the try: early tries are small, so the first failure found tends to be a small one.
 *
 * <p>System properties (pass them to Maven with {@code -D…}):
 * <ul>
 *   <li>{@code meridian.fuzz.tries=N}: every property runs N tries instead of its own number (more tries, a longer
 *       run: {@code -Dmeridian.fuzz.tries=20000});</li>
 *   <li>{@code meridian.fuzz.seed=S}: a different base seed (new inputs; the default is each property's own);</li>
 *   <li>{@code meridian.fuzz.replay=T}: runs only the try whose seed is T (as a failure printed it), at the size it
 *       had ({@code meridian.fuzz.size}, printed too).</li>
 * </ul>
 * A property is a plain check that throws (an AssertJ assertion, or the unexpected exception itself).
 */
public final class Fuzz {

    private Fuzz() {
    }

    /** Checks {@code property} on {@code tries} generated inputs (see the class comment for the settings). */
    public static <T> void check(String name, long seed, int tries, int maxSize, Function<Gen, T> generator,
                                 Consumer<T> property) {
        String replay = System.getProperty("meridian.fuzz.replay");
        if (replay != null && !replay.isBlank()) {
            int size = Integer.getInteger("meridian.fuzz.size", maxSize);
            run(name, Long.parseLong(replay.trim()), size, generator, property);
            return;
        }
        long base = Long.getLong("meridian.fuzz.seed", seed);
        int n = Integer.getInteger("meridian.fuzz.tries", tries);
        for (int i = 0; i < n; i++) {
            int size = 1 + (int) ((long) maxSize * i / Math.max(1, n));
            run(name, trySeed(base, i), size, generator, property);
        }
    }

    /** The seed of try {@code i} of a property with base seed {@code base}. */
    public static long trySeed(long base, int i) {
        return new SplittableRandom(base ^ (0x9E3779B97F4A7C15L * (i + 1))).nextLong();
    }

    private static <T> void run(String name, long trySeed, int size, Function<Gen, T> generator, Consumer<T> property) {
        T input = generator.apply(new Gen(new SplittableRandom(trySeed), size));
        try {
            property.accept(input);
        } catch (AssertionError | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            AssertionError failure = new AssertionError(name + " failed on try seed " + trySeed + " (size " + size
                    + "; replay with -Dmeridian.fuzz.replay=" + trySeed + " -Dmeridian.fuzz.size=" + size + ")\ninput: "
                    + shown(input) + "\n" + e, e);
            throw failure;
        }
    }

    private static String shown(Object input) {
        String s = input instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(input);
        s = s.codePoints().collect(StringBuilder::new, (sb, c) -> {
            if (c < 0x20 && c != '\n' || c == 0x7F || Character.isSurrogate((char) c) || c == 0x202E) {
                sb.append(String.format("\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        }, StringBuilder::append).toString();
        return s.length() <= 2_000 ? s : s.substring(0, 2_000) + "… (" + s.length() + " characters)";
    }

    /** What a generator draws from: a seeded random source and the size of this try. */
    public static final class Gen {

        /** Texts that have broken, or could break, a reader: NUL, lone surrogates, bidi overrides, separators. */
        public static final List<String> HOSTILE = List.of("\u0000", "\uD800", "\uDC00", "\u202E", "\uFEFF", "\"",
                "\"\"", ",", "\n", "\r\n", "\r", ";", "'", "\\", "<", "&", "&#0;", "]]>", "%", "{", "}", "[", "]",
                "😀", "長", "𠀀", "\t", " ", "-", "1e999999999", "1E+2147483647", "-0", "0E-100000", "NaN",
                "Infinity", "null", "true", "9".repeat(40), "0x1F", "٣", "¹");

        private final SplittableRandom random;
        private final int size;

        public Gen(SplittableRandom random, int size) {
            this.random = random;
            this.size = size;
        }

        /** The size of this try (grows from 1 to the property's maximum over the tries). */
        public int size() {
            return size;
        }

        /** A whole number from {@code from} to {@code to}, both included. */
        public int between(int from, int to) {
            return from + random.nextInt(to - from + 1);
        }

        public long nextLong() {
            return random.nextLong();
        }

        /** True with probability {@code p}. */
        public boolean chance(double p) {
            return random.nextDouble() < p;
        }

        @SafeVarargs
        public final <T> T pick(T... options) {
            return options[random.nextInt(options.length)];
        }

        public <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }

        /** A text of up to {@code max} pieces: letters, digits, CJK, and now and then a hostile piece. */
        public String text(int max) {
            int n = between(0, max);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(10);
                if (kind < 4) {
                    s.append((char) ('a' + random.nextInt(26)));
                } else if (kind < 6) {
                    s.append((char) ('0' + random.nextInt(10)));
                } else if (kind < 7) {
                    s.append((char) (0x4E00 + random.nextInt(0x5000)));
                } else if (kind < 8) {
                    s.appendCodePoint(random.nextInt(0x20, 0x2FFFF));
                } else {
                    s.append(pick(HOSTILE));
                }
            }
            return s.toString();
        }

        /** Random bytes, up to {@code max} of them. */
        public byte[] bytes(int max) {
            byte[] b = new byte[between(0, max)];
            random.nextBytes(b);
            return b;
        }

        /**
         * {@code original} damaged a few times: a byte changed, a run cut out, a run doubled, or the end cut off.
         */
        public byte[] damaged(byte[] original) {
            byte[] b = original.clone();
            int damages = between(1, 4);
            for (int d = 0; d < damages && b.length > 0; d++) {
                int at = random.nextInt(b.length);
                switch (random.nextInt(4)) {
                    case 0 -> b[at] = (byte) random.nextInt(256);
                    case 1 -> {
                        int len = Math.min(b.length - at, between(1, 16));
                        byte[] c = new byte[b.length - len];
                        System.arraycopy(b, 0, c, 0, at);
                        System.arraycopy(b, at + len, c, at, b.length - at - len);
                        b = c;
                    }
                    case 2 -> {
                        int len = Math.min(b.length - at, between(1, 16));
                        byte[] c = new byte[b.length + len];
                        System.arraycopy(b, 0, c, 0, at + len);
                        System.arraycopy(b, at, c, at + len, b.length - at);
                        b = c;
                    }
                    default -> b = java.util.Arrays.copyOf(b, at);
                }
            }
            return b;
        }
    }
}
