package org.pangeagraph.support;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Property tests with seeded JUnit 5 generators of our own: a property runs a number of tries, each
 * with a {@link Random} of its own seed, drawn from the property's fixed seed, so that every run checks
 * the same cases. A failing try names its seed; {@code -Dpangea.seed=SEED} then runs that one try
 * alone, to replay it.
 */
public final class Seeded {

    /** The system property that replays one try. */
    public static final String REPLAY = "pangea.seed";

    private Seeded() {
    }

    /**
     * Runs {@code property} {@code tries} times, each with a random of its own seed (or once, with the seed
     * of {@link #REPLAY} when it is set).
     *
     * @throws AssertionError the first try's failure, with its seed and how to replay it
     */
    public static void forAll(String name, long seed, int tries, Consumer<Random> property) {
        String replay = System.getProperty(REPLAY);
        if (replay != null && !replay.isBlank()) {
            once(name, Long.parseLong(replay.strip()), -1, property);
            return;
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            once(name, seeds.nextLong(), i, property);
        }
    }

    private static void once(String name, long trySeed, int index, Consumer<Random> property) {
        try {
            property.accept(new Random(trySeed));
        }
        catch (AssertionError | RuntimeException ex) {
            String message = name + " failed" + (index >= 0 ? " at try " + (index + 1) : "") + " with seed " + trySeed
                    + "; replay it alone with -D" + REPLAY + "=" + trySeed + ": " + ex.getMessage();
            System.err.println(message);
            throw new AssertionError(message, ex);
        }
    }

    /** A string of up to {@code maxLength} characters drawn from {@code chars}. */
    public static String string(Random random, int maxLength, char[] chars) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(chars[random.nextInt(chars.length)]);
        }
        return s.toString();
    }

    /**
     * A string of up to {@code maxLength} UTF-16 units of any kind: mostly ASCII and Latin, now and then any
     * code point of the Basic Multilingual Plane or beyond, controls, edges (U+0000, U+FFFF) and, if
     * {@code surrogates}, halves of surrogate pairs.
     */
    public static String anyString(Random random, int maxLength, boolean surrogates) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            int kind = random.nextInt(10);
            int c = switch (kind) {
                case 0, 1, 2, 3 -> 0x20 + random.nextInt(0x5F);
                case 4 -> random.nextInt(0x20);
                case 5 -> 0xA0 + random.nextInt(0x2000 - 0xA0);
                case 6 -> new int[] { 0x0, 0x7F, 0x85, 0x2028, 0x202E, 0x2066, 0xFEFF, 0xFFFD, 0xFFFF }[random.nextInt(9)];
                case 7 -> 0x10000 + random.nextInt(0x10FFFF - 0x10000);
                case 8 -> surrogates ? 0xD800 + random.nextInt(0x800) : 0x4E00 + random.nextInt(0x100);
                default -> random.nextInt(0xD800);
            };
            s.appendCodePoint(c);
        }
        return s.toString();
    }

}
