package dev.aiworkbook.harness.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * How a lesson or demo was asked to run: on the embedded replay server (the default), or live
 * against the real provider with {@code --live}.
 *
 * @param live  whether to call the real provider
 * @param speed replay pace for streamed fixtures: 1 is the recorded pace, 0 is as fast as possible
 * @param rest  the arguments left over, in order
 */
public record RunMode(boolean live, double speed, List<String> rest) {

    /** Reads {@code --live} and {@code --speed <factor>} (or {@code --speed=<factor>}) from the arguments. */
    public static RunMode parse(String... args) {
        boolean live = false;
        double speed = 1.0;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--live")) {
                live = true;
            } else if (arg.equals("--speed") && i + 1 < args.length) {
                speed = parseSpeed(args[++i]);
            } else if (arg.startsWith("--speed=")) {
                speed = parseSpeed(arg.substring("--speed=".length()));
            } else {
                rest.add(arg);
            }
        }
        return new RunMode(live, speed, List.copyOf(rest));
    }

    private static double parseSpeed(String text) {
        try {
            double speed = Double.parseDouble(text);
            if (speed < 0) {
                throw new IllegalArgumentException("--speed must be 0 or more, got " + text);
            }
            return speed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--speed takes a number (1 = recorded pace, 0 = no pauses), got " + text, e);
        }
    }
}
