package se.fragafacket.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for the tests, from Debian's {@code postgresql} package ({@code .ci/run}
 * installs it): a new cluster in a temporary folder on a free port, started once per test JVM and stopped
 * with it. PostgreSQL refuses to run as root, so as root the cluster belongs to the {@code postgres} user.
 * Without PostgreSQL the tests that need it are skipped on a developer's machine, but fail under CI
 * ({@code CI=true}), so a missing install never passes unseen.
 */
public final class TestPostgres {

    public static final String USER = "fraga";
    private static TestPostgres server;

    private final Path folder;
    private final Path bin;
    private final int port;
    private final boolean asPostgresUser;
    private int databases;

    private TestPostgres(Path bin) throws IOException, InterruptedException {
        this.bin = bin;
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
        this.folder = Files.createTempDirectory("fraga-postgres-");
        if (asPostgresUser) {
            UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-l",
                folder.resolve("server.log").toString(), "-w", "-t", "120", "-o",
                "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                "start"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-postgres-stop"));
    }

    /** The running server (started on first use); skips the calling test where PostgreSQL is not installed. */
    public static synchronized TestPostgres server() {
        if (server == null) {
            Optional<Path> bin = binaries();
            if (bin.isEmpty()) {
                String message = "PostgreSQL is not installed (Debian: apt-get install postgresql; .ci/run does it)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException(message);
                }
                Assumptions.abort(message);
            }
            try {
                server = new TestPostgres(bin.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /** A new, empty database of its own, as a JDBC URL. */
    public synchronized String newDatabase(String prefix) {
        String name = (prefix + "_" + ++databases).toLowerCase();
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "")) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Debian's newest PostgreSQL, else one on the PATH. */
    private static Optional<Path> binaries() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(Path::of).filter(p -> Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")))
                .findFirst();
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("fraga-postgres-", ".log");
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        Files.deleteIfExists(output);
    }

    private void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "stop"));
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException | RuntimeException e) {
            // the JVM is going away; a left temporary folder is all that remains
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
