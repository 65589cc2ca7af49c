package org.pangeagraph.tools.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine the benchmark ran on, and how busy it was: it is shared, and its load skews the figures. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory", memory());
        machine.put("cpu", cpu());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("loadAverage", loadAverage());
        return machine;
    }

    /** The 1-minute load average: above the number of cores, others were using the machine. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String memory() {
        return firstLine(Path.of("/proc/meminfo"), "MemTotal");
    }

    private static String cpu() {
        return firstLine(Path.of("/proc/cpuinfo"), "model name");
    }

    private static String firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

}
