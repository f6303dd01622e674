package io.watchpost.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.store.Durability;
import io.watchpost.wire.auth.AuthConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link ServerConfig} from, in rising precedence: defaults, the JSON file named by {@code --config},
 * {@code WATCHPOST_*} environment variables and command-line flags. Every problem is collected; the caller reports
 * them all and exits with code 2.
 */
public final class ConfigLoader {
    /** Flag name → environment variable → JSON key of the config file. */
    private static final Map<String, String[]> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("host", new String[] {"WATCHPOST_HOST", "host"});
        SETTINGS.put("port", new String[] {"WATCHPOST_PORT", "port"});
        SETTINGS.put("data-dir", new String[] {"WATCHPOST_DATA_DIR", "dataDir"});
        SETTINGS.put("config", new String[] {"WATCHPOST_CONFIG", "config"});
        SETTINGS.put("auth", new String[] {"WATCHPOST_AUTH", "auth"});
        SETTINGS.put("default-account", new String[] {"WATCHPOST_DEFAULT_ACCOUNT", "defaultAccount"});
        SETTINGS.put("dev-mode", new String[] {"WATCHPOST_DEV_MODE", "developmentMode"});
        SETTINGS.put("durability", new String[] {"WATCHPOST_DURABILITY", "durability"});
        SETTINGS.put("xray-daemon-port", new String[] {"WATCHPOST_XRAY_DAEMON_PORT", "xrayDaemonPort"});
        SETTINGS.put("trail-delivery-interval",
                new String[] {"WATCHPOST_TRAIL_DELIVERY_INTERVAL", "trailDeliveryInterval"});
        SETTINGS.put("cloudtrail-recording",
                new String[] {"WATCHPOST_CLOUDTRAIL_RECORDING", "cloudtrailRecording"});
    }

    public static final String USAGE = """
            Usage: ./watchpost [options]
              --port N                 HTTP port for every AWS API (default 4566; 0 picks a free port)
              --host ADDRESS           address to listen on (default 127.0.0.1)
              --data-dir DIR           where state and data live (default ./data)
              --config FILE            JSON file with any of these settings and "accessKeys"
              --auth open|strict       open: any key is accepted; strict: SigV4 verified (default open)
              --default-account ID     12-digit account for open mode (default 000000000000)
              --dev-mode true|false    reset endpoints (default: true with open auth, false with strict)
              --durability process|machine   when an acknowledged write is safe (default process)
              --xray-daemon-port N     X-Ray daemon UDP/TCP port (default 2000; 0 picks one; -1 turns it off)
              --trail-delivery-interval D   how often trails deliver log files: 5m, 30s, PT1M (default 5m)
              --cloudtrail-recording on|off   record every API call for CloudTrail (default on)
            Each option can also be given as an environment variable: WATCHPOST_PORT, WATCHPOST_DATA_DIR, ...
            """;

    private ConfigLoader() {}

    /** The loaded configuration, or the problems that prevent one. */
    public record Result(Optional<ServerConfig> config, List<String> problems, boolean helpRequested) {}

    public static Result load(String[] args, Map<String, String> environment) {
        Problems problems = new Problems();
        Map<String, String> flags = parseFlags(args, problems);
        if (flags.containsKey("help")) {
            return new Result(Optional.empty(), List.of(), true);
        }
        Map<String, String> settings = new HashMap<>();
        SETTINGS.forEach((flag, names) -> {
            if (environment.containsKey(names[0]) && !environment.get(names[0]).isBlank()) {
                settings.put(flag, environment.get(names[0]));
            }
        });
        settings.putAll(flags);
        JsonNode file = readFile(settings.get("config"), problems);
        List<AuthConfig.AccessKey> keys = AccessKeys.parse(file.path("accessKeys"), problems);
        List<DestinationMapping> destinations = Destinations.parse(file.path("destinations"), problems);
        SETTINGS.forEach((flag, names) -> {
            JsonNode value = file.get(names[1]);
            if (value != null && !settings.containsKey(flag)) {
                settings.put(flag, value.asText());
            }
        });
        ServerConfig config = validate(settings, keys, problems).withDestinations(destinations);
        return problems.isEmpty() ? new Result(Optional.of(config), List.of(), false)
                : new Result(Optional.empty(), problems.messages(), false);
    }

    private static Map<String, String> parseFlags(String[] args, Problems problems) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                flags.put("help", "true");
                continue;
            }
            if (!arg.startsWith("--")) {
                problems.add("unexpected argument '" + arg + "'");
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!SETTINGS.containsKey(name)) {
                problems.add("unknown option --" + name);
                if (value == null && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    i++;  // its value, so that one mistake is reported once
                }
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    problems.add("option --" + name + " needs a value");
                    continue;
                }
                value = args[++i];
            }
            flags.put(name, value);
        }
        return flags;
    }

    private static JsonNode readFile(String path, Problems problems) {
        ObjectMapper mapper = new ObjectMapper();
        if (path == null) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(Files.readString(Path.of(path)));
            if (node == null || !node.isObject()) {
                problems.add("config file " + path + " must hold a JSON object");
                return mapper.createObjectNode();
            }
            Set<String> known = new java.util.HashSet<>(Set.of("accessKeys", "destinations"));
            SETTINGS.values().forEach(names -> known.add(names[1]));
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    problems.add("config file " + path + ": unknown setting '" + name + "'");
                }
            });
            return node;
        } catch (IOException e) {
            problems.add("cannot read config file " + path + ": " + e.getMessage());
            return mapper.createObjectNode();
        }
    }

    private static ServerConfig validate(Map<String, String> settings, List<AuthConfig.AccessKey> keys,
            Problems problems) {
        String host = settings.getOrDefault("host", "127.0.0.1");
        int port = parsePort(settings.getOrDefault("port", String.valueOf(ServerConfig.DEFAULT_PORT)), problems);
        Path dataDir = Path.of(settings.getOrDefault("data-dir", "data"));
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            problems.add("data directory " + dataDir + " exists and is not a directory");
        }
        String account = settings.getOrDefault("default-account", ServerConfig.DEFAULT_ACCOUNT);
        if (!account.matches("\\d{12}")) {
            problems.add("default account '" + account + "' must be 12 digits");
        }
        AuthConfig.Mode mode = parseEnum(AuthConfig.Mode.class, "auth", settings.getOrDefault("auth", "open"),
                problems).orElse(AuthConfig.Mode.OPEN);
        if (mode == AuthConfig.Mode.STRICT && keys.isEmpty()) {
            problems.add("--auth strict needs at least one entry in \"accessKeys\" of the config file");
        }
        boolean devMode = mode == AuthConfig.Mode.OPEN;
        if (settings.containsKey("dev-mode")) {
            String value = settings.get("dev-mode").toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                problems.add("dev-mode must be true or false, not '" + settings.get("dev-mode") + "'");
            }
            devMode = value.equals("true");
        }
        Durability durability = parseEnum(Durability.class, "durability",
                settings.getOrDefault("durability", "process"), problems).orElse(Durability.PROCESS);
        Map<String, AuthConfig.AccessKey> keyMap = new LinkedHashMap<>();
        keys.forEach(key -> keyMap.put(key.accessKeyId(), key));
        int daemonPort = parseDaemonPort(settings.getOrDefault("xray-daemon-port",
                String.valueOf(ServerConfig.DEFAULT_XRAY_DAEMON_PORT)), problems);
        java.time.Duration trailInterval = parseDuration(settings.getOrDefault("trail-delivery-interval", "5m"),
                problems);
        boolean recording = parseOnOff(settings.getOrDefault("cloudtrail-recording", "on"), problems);
        return new ServerConfig(host, port, dataDir, new AuthConfig(mode, account, keyMap), devMode, durability,
                daemonPort, List.of(), trailInterval, recording);
    }

    /** {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT5M}); between 1 second and 1 day. */
    private static java.time.Duration parseDuration(String text, Problems problems) {
        String value = text.trim();
        java.time.Duration duration = null;
        try {
            if (value.matches("\\d+[smh]")) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                duration = switch (value.charAt(value.length() - 1)) {
                    case 's' -> java.time.Duration.ofSeconds(amount);
                    case 'm' -> java.time.Duration.ofMinutes(amount);
                    default -> java.time.Duration.ofHours(amount);
                };
            } else {
                duration = java.time.Duration.parse(value);
            }
        } catch (RuntimeException e) {
            duration = null;
        }
        if (duration == null || duration.compareTo(java.time.Duration.ofSeconds(1)) < 0
                || duration.compareTo(java.time.Duration.ofDays(1)) > 0) {
            problems.add("trail-delivery-interval '" + text + "' must be a duration from 1s to 1 day (e.g. 30s, 5m)");
            return ServerConfig.DEFAULT_TRAIL_DELIVERY_INTERVAL;
        }
        return duration;
    }

    /** {@code on} or {@code off} (also {@code true}/{@code false}, which a JSON boolean reads as). */
    private static boolean parseOnOff(String text, Problems problems) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("on") || value.equals("true")) {
            return true;
        }
        if (!value.equals("off") && !value.equals("false")) {
            problems.add("cloudtrail-recording must be on or off, not '" + text + "'");
        }
        return false;
    }

    private static int parseDaemonPort(String text, Problems problems) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < -1 || port > 65535) {
                problems.add("xray-daemon-port " + port + " is outside -1-65535");
            }
            return port;
        } catch (NumberFormatException e) {
            problems.add("xray-daemon-port '" + text + "' is not a number");
            return ServerConfig.DEFAULT_XRAY_DAEMON_PORT;
        }
    }

    private static int parsePort(String text, Problems problems) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65535) {
                problems.add("port " + port + " is outside 0-65535");
            }
            return port;
        } catch (NumberFormatException e) {
            problems.add("port '" + text + "' is not a number");
            return ServerConfig.DEFAULT_PORT;
        }
    }

    private static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String name, String text,
            Problems problems) {
        try {
            return Optional.of(Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    .toLowerCase(Locale.ROOT) + ", not '" + text + "'");
            return Optional.empty();
        }
    }
}
