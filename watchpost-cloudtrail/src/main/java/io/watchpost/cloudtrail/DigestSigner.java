package io.watchpost.cloudtrail;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The RSA key pair that signs digest files, generated once and kept in {@code digest-key.json} under the data
 * directory: {@code {"version":1,"createdMillis":…,"pkcs8":"<base64 PKCS#8 DER>"}}, written to a temp file, fsynced
 * and renamed, so a crash leaves either no key or a whole one. Signing is {@code SHA256withRSA}; the public key is
 * published (ListPublicKeys) as PKCS#1 {@code RSAPublicKey} DER, the form {@code aws cloudtrail validate-logs} loads,
 * and its fingerprint is the hex MD5 of that DER. Thread-safe: a new {@link Signature} per call.
 */
final class DigestSigner {
    static final String FILE = "digest-key.json";
    static final String ALGORITHM = "SHA256withRSA";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final Instant created;
    private final byte[] publicDer;
    private final String fingerprint;

    record KeyFile(int version, long createdMillis, String pkcs8) {}

    private DigestSigner(PrivateKey privateKey, RSAPublicKey publicKey, Instant created) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.created = created;
        this.publicDer = pkcs1(publicKey);
        this.fingerprint = HexFormat.of().formatHex(md5(publicDer));
    }

    /**
     * {@link #open} without holding up start-up: a stored key is loaded now (so a damaged one fails start-up), a
     * missing one is generated on a background thread (RSA key generation takes from 0.1 to over 1 s); the
     * supplier waits for it on first use.
     */
    static Supplier<DigestSigner> openInBackground(Path directory, Clock clock) throws IOException {
        if (Files.exists(directory.resolve(FILE))) {
            DigestSigner loaded = open(directory, clock);
            return () -> loaded;
        }
        CompletableFuture<DigestSigner> generated = new CompletableFuture<>();
        Thread.ofPlatform().name("watchpost-digest-key").daemon(true).start(() -> {
            try {
                generated.complete(open(directory, clock));
            } catch (IOException | RuntimeException e) {
                generated.completeExceptionally(e);
            }
        });
        return () -> {
            try {
                return generated.join();
            } catch (CompletionException e) {
                throw new IllegalStateException("the digest signing key could not be created", e.getCause());
            }
        };
    }

    /** Loads the key from {@code directory}, generating (and durably storing) it on first use. */
    static DigestSigner open(Path directory, Clock clock) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                KeyFile key = new KeyFile(1, clock.millis(), Base64.getEncoder().encodeToString(pair.getPrivate()
                        .getEncoded()));
                writeAtomically(file, JSON.writeValueAsBytes(key));
            }
            KeyFile key = JSON.readValue(file.toFile(), KeyFile.class);
            if (key.version() != 1) {
                throw new IOException("unknown digest key version " + key.version() + " in " + file);
            }
            KeyFactory factory = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(key.pkcs8())));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(),
                    crt.getPublicExponent()));
            return new DigestSigner(privateKey, publicKey, Instant.ofEpochMilli(key.createdMillis()));
        } catch (GeneralSecurityException e) {
            throw new IOException("digest key in " + file + " is unusable", e);
        }
    }

    /** Hex SHA256withRSA signature of {@code stringToSign}'s UTF-8 bytes. */
    String sign(String stringToSign) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(stringToSign.getBytes(UTF_8));
            return HexFormat.of().formatHex(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a digest", e);
        }
    }

    RSAPublicKey publicKey() {
        return publicKey;
    }

    /** PKCS#1 DER of the public key. */
    byte[] publicKeyDer() {
        return publicDer.clone();
    }

    String fingerprint() {
        return fingerprint;
    }

    Instant created() {
        return created;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }}. */
    static byte[] pkcs1(RSAPublicKey key) {
        byte[] n = derInteger(key.getModulus());
        byte[] e = derInteger(key.getPublicExponent());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, n.length + e.length);
        out.writeBytes(n);
        out.writeBytes(e);
        return out.toByteArray();
    }

    private static byte[] derInteger(BigInteger value) {
        byte[] bytes = value.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x02);
        writeLength(out, bytes.length);
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        }
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
