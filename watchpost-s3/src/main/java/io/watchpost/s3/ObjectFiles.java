package io.watchpost.s3;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Objects on disk: {@code <root>/<bucket>/<sha256(key) hex>.obj}, one file per object holding its metadata and
 * its bytes, so that one atomic rename publishes both (a separate sidecar could disagree with the data after a
 * crash between two renames).
 *
 * <p>Layout (big-endian): magic {@code "WPS3"} (4 bytes), version (1 byte, = 1), header length N (4 bytes),
 * N bytes of UTF-8 JSON ({@link ObjectMeta}), then the content. The header's MD5 {@code etag} checks the
 * content on every read. Writes go to a temp file in the same directory → fsync → atomic rename → fsync of the
 * directory; a leftover {@code *.tmp} from a crash is deleted on the next scan. An object assembled from parts
 * (CompleteMultipartUpload) or copied is streamed from the source files into the temp file, so it is never held in
 * memory; its header's {@code contentMd5} then checks the content. Thread-safe for distinct keys;
 * callers serialize writes to one key.
 */
final class ObjectFiles {
    private static final byte[] MAGIC = {'W', 'P', 'S', '3'};
    private static final byte VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    ObjectFiles(Path root) {
        this.root = root;
    }

    void write(String bucket, ObjectMeta meta, byte[] content) {
        publish(bucket, meta, out -> writeFully(out, ByteBuffer.wrap(content)));
    }

    /**
     * Publishes an object whose content is the concatenation of {@code sources} (parts of a multipart upload, or
     * the range of another object a copy reads), streamed from disk without holding it in memory.
     */
    void write(String bucket, ObjectMeta meta, List<ContentRef> sources) {
        publish(bucket, meta, out -> {
            for (ContentRef source : sources) {
                try (FileChannel in = FileChannel.open(source.file(), StandardOpenOption.READ)) {
                    long position = source.offset();
                    long end = source.offset() + source.length();
                    while (position < end) {
                        long moved = in.transferTo(position, end - position, out);
                        if (moved <= 0) {
                            throw new IOException(source.file() + " ended before its declared length");
                        }
                        position += moved;
                    }
                }
            }
        });
    }

    /** Writes the content after the header. */
    @FunctionalInterface
    private interface Body {
        void writeTo(FileChannel out) throws IOException;
    }

    private void publish(String bucket, ObjectMeta meta, Body body) {
        try {
            Path directory = Files.createDirectories(root.resolve(bucket));
            Path target = directory.resolve(fileName(meta.key()));
            Path temp = Files.createTempFile(directory, "put-", ".tmp");
            try {
                byte[] header = JSON.writeValueAsBytes(meta);
                ByteBuffer prefix = ByteBuffer.allocate(9).put(MAGIC).put(VERSION).putInt(header.length).flip();
                try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    writeFully(out, prefix);
                    writeFully(out, ByteBuffer.wrap(header));
                    body.writeTo(out);
                    out.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            syncDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write object " + meta.key() + " of bucket " + bucket, e);
        }
    }

    /**
     * A stretch of a stored object's content on disk: its file, where the content (or the wanted range of it)
     * starts, and how many bytes.
     */
    record ContentRef(Path file, long offset, long length) {}

    /** Where {@code key}'s content lies in its file, from {@code first} for {@code length} bytes; empty when gone. */
    Optional<ContentRef> content(String bucket, String key, long first, long length) {
        Path file = root.resolve(bucket).resolve(fileName(key));
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            ObjectMeta meta = header(in, file);
            long contentStart = Files.size(file) - meta.size();
            if (first < 0 || length < 0 || first + length > meta.size()) {
                throw new IllegalArgumentException("range " + first + "+" + length + " outside " + meta.size());
            }
            return Optional.of(new ContentRef(file, contentStart + first, length));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The MD5 (lower-case hex) of the concatenation of {@code sources}, read in 64 KiB blocks. */
    static String md5Hex(List<ContentRef> sources) {
        MessageDigest md5 = newDigest("MD5");
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            for (ContentRef source : sources) {
                try (FileChannel in = FileChannel.open(source.file(), StandardOpenOption.READ)) {
                    long position = source.offset();
                    long end = source.offset() + source.length();
                    while (position < end) {
                        buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                        int read = in.read(buffer, position);
                        if (read < 0) {
                            throw new IOException(source.file() + " ended before its declared length");
                        }
                        md5.update(buffer.flip());
                        position += read;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** The object's bytes, checked against its MD5; empty when the file is gone. */
    Optional<byte[]> read(String bucket, String key) {
        Path file = root.resolve(bucket).resolve(fileName(key));
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            ObjectMeta meta = header(in, file);
            byte[] content = in.readAllBytes();
            if (content.length != meta.size() || !md5Hex(content).equals(meta.md5())) {
                throw new IOException("content of " + file + " does not match its MD5");
            }
            return Optional.of(content);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean delete(String bucket, String key) {
        try {
            return Files.deleteIfExists(root.resolve(bucket).resolve(fileName(key)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteBucketDirectory(String bucket) {
        try (Stream<Path> leftovers = list(root.resolve(bucket))) {
            for (Path path : leftovers.toList()) {
                Files.deleteIfExists(path);
            }
            Files.deleteIfExists(root.resolve(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One object's header, without reading its content; empty when the file is gone. */
    Optional<ObjectMeta> header(String bucket, String key) {
        Path file = root.resolve(bucket).resolve(fileName(key));
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            return Optional.of(header(in, file));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every directory under the root (a development reset, after the journal that referred to them). */
    void deleteAll() {
        try (Stream<Path> directories = list(root)) {
            for (Path directory : directories.toList()) {
                deleteBucketDirectory(directory.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object of a bucket (headers only); removes temp files a crash left behind. */
    Stream<ObjectMeta> scan(String bucket) {
        try (Stream<Path> files = list(root.resolve(bucket))) {
            return files.toList().stream().map(this::headerOrCleanUp).flatMap(Optional::stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<ObjectMeta> headerOrCleanUp(Path file) {
        try {
            if (file.getFileName().toString().endsWith(".tmp")) {
                Files.deleteIfExists(file);
                return Optional.empty();
            }
            try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
                return Optional.of(header(in, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMeta header(DataInputStream in, Path file) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (!java.util.Arrays.equals(magic, MAGIC) || in.readByte() != VERSION) {
            throw new IOException(file + " is not a Watchpost object file (version " + VERSION + ")");
        }
        int length = in.readInt();
        if (length < 0 || length > 1 << 20) {
            throw new IOException(file + " has a corrupt header length " + length);
        }
        return JSON.readValue(in.readNBytes(length), ObjectMeta.class);
    }

    private static Stream<Path> list(Path directory) throws IOException {
        return Files.isDirectory(directory) ? Files.list(directory) : Stream.empty();
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for sync; the rename itself is still atomic.
        }
    }

    static String fileName(String key) {
        return HexFormat.of().formatHex(digest("SHA-256", key.getBytes(UTF_8))) + ".obj";
    }

    static String md5Hex(byte[] content) {
        return HexFormat.of().formatHex(digest("MD5", content));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        return newDigest(algorithm).digest(bytes);
    }

    static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
