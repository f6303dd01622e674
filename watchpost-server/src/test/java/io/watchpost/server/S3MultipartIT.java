package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Multipart upload and copies in the S3 subset: the SDK v2 S3Client drives every operation and its errors, and the
 * aws CLI moves a file above its 8 MiB multipart threshold up and down byte for byte, copies it bucket-side
 * (UploadPartCopy) and moves a small object (CopyObject + DeleteObject).
 */
class S3MultipartIT {
    static final int MIB = 1024 * 1024;

    @TempDir
    static Path dataDir;
    static TestServer server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        s3 = server.client(S3Client.builder().forcePathStyle(true));
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String md5Hex(byte[]... chunks) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (byte[] chunk : chunks) {
            md5.update(chunk);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private long partFiles() throws Exception {
        Path uploads = dataDir.resolve("s3").resolve("uploads");
        if (!Files.exists(uploads)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(uploads)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void multipartUploadWithTheSdk() throws Exception {
        s3.createBucket(r -> r.bucket("mp-sdk"));
        byte[] first = random(5 * MIB, 1);
        byte[] second = random(123_457, 2);
        String id = s3.createMultipartUpload(r -> r.bucket("mp-sdk").key("data/blob.bin")
                .contentType("application/octet-stream")).uploadId();
        String etag1 = s3.uploadPart(r -> r.bucket("mp-sdk").key("data/blob.bin").uploadId(id).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String etag2 = s3.uploadPart(r -> r.bucket("mp-sdk").key("data/blob.bin").uploadId(id).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        assertThat(etag1).isEqualTo('"' + md5Hex(first) + '"');

        assertThat(s3.listMultipartUploads(r -> r.bucket("mp-sdk")).uploads())
                .extracting(u -> u.key() + " " + u.uploadId()).containsExactly("data/blob.bin " + id);
        var parts = s3.listParts(r -> r.bucket("mp-sdk").key("data/blob.bin").uploadId(id));
        assertThat(parts.parts()).extracting(p -> p.partNumber() + ":" + p.size() + ":" + p.eTag())
                .containsExactly("1:" + first.length + ":" + etag1, "2:" + second.length + ":" + etag2);

        assertThatThrownBy(() -> s3.completeMultipartUpload(r -> r.bucket("mp-sdk").key("data/blob.bin")
                .uploadId(id).multipartUpload(m -> m.parts(part(2, etag2), part(1, etag1)))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartOrder");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> s3.completeMultipartUpload(r -> r.bucket("mp-sdk").key("data/blob.bin")
                .uploadId(id).multipartUpload(m -> m.parts(part(1, etag2), part(2, etag2)))))
                .isInstanceOfSatisfying(S3Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart"));

        var done = s3.completeMultipartUpload(r -> r.bucket("mp-sdk").key("data/blob.bin").uploadId(id)
                .multipartUpload(m -> m.parts(part(1, etag1), part(2, etag2))));
        byte[] md5s = HexFormat.of().parseHex(md5Hex(first) + md5Hex(second));
        assertThat(done.eTag()).isEqualTo('"' + md5Hex(md5s) + "-2\"");
        byte[] stored = s3.getObjectAsBytes(r -> r.bucket("mp-sdk").key("data/blob.bin")).asByteArray();
        assertThat(md5Hex(stored)).isEqualTo(md5Hex(first, second));
        assertThat(s3.headObject(r -> r.bucket("mp-sdk").key("data/blob.bin")).eTag()).isEqualTo(done.eTag());
        assertThat(partFiles()).isZero();
        assertThat(s3.listMultipartUploads(r -> r.bucket("mp-sdk")).uploads()).isEmpty();
        assertThatThrownBy(() -> s3.uploadPart(r -> r.bucket("mp-sdk").key("data/blob.bin").uploadId(id)
                .partNumber(3), RequestBody.fromBytes(second))).isInstanceOf(NoSuchUploadException.class);
    }

    @Test
    void tooSmallPartsAbortAndCopyWithTheSdk() throws Exception {
        s3.createBucket(r -> r.bucket("mp-small"));
        String id = s3.createMultipartUpload(r -> r.bucket("mp-small").key("k")).uploadId();
        String a = s3.uploadPart(r -> r.bucket("mp-small").key("k").uploadId(id).partNumber(1),
                RequestBody.fromString("small")).eTag();
        String b = s3.uploadPart(r -> r.bucket("mp-small").key("k").uploadId(id).partNumber(2),
                RequestBody.fromString("last")).eTag();
        assertThatThrownBy(() -> s3.completeMultipartUpload(r -> r.bucket("mp-small").key("k").uploadId(id)
                .multipartUpload(m -> m.parts(part(1, a), part(2, b)))))
                .isInstanceOfSatisfying(S3Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityTooSmall"));
        s3.abortMultipartUpload(r -> r.bucket("mp-small").key("k").uploadId(id));
        assertThat(partFiles()).isZero();
        assertThatThrownBy(() -> s3.abortMultipartUpload(r -> r.bucket("mp-small").key("k").uploadId(id)))
                .isInstanceOf(NoSuchUploadException.class);

        s3.putObject(r -> r.bucket("mp-small").key("src.txt").contentType("text/plain"),
                RequestBody.fromString("copy me"));
        var copied = s3.copyObject(r -> r.sourceBucket("mp-small").sourceKey("src.txt")
                .destinationBucket("mp-small").destinationKey("dst.txt"));
        assertThat(copied.copyObjectResult().eTag()).isEqualTo('"' + md5Hex("copy me".getBytes(
                StandardCharsets.UTF_8)) + '"');
        assertThat(s3.getObjectAsBytes(r -> r.bucket("mp-small").key("dst.txt")).asUtf8String())
                .isEqualTo("copy me");
        assertThat(s3.headObject(r -> r.bucket("mp-small").key("dst.txt")).contentType()).isEqualTo("text/plain");
    }

    private static CompletedPart part(int number, String etag) {
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    @Test
    void theAwsCliMovesAFileAboveItsMultipartThreshold() throws Exception {
        Path aws = AwsCli.find();
        assumeTrue(aws != null, "the aws CLI is not on the PATH");
        byte[] content = random(20 * MIB + 12_345, 3);
        Path file = dataDir.resolve("big.bin");
        Files.write(file, content);
        run(aws, "s3", "mb", "s3://cli-mp");
        run(aws, "s3", "cp", file.toString(), "s3://cli-mp/big.bin");
        // 8 MiB parts: three of them, so the ETag says -3 (a single PUT would have no suffix).
        assertThat(s3.headObject(r -> r.bucket("cli-mp").key("big.bin")).eTag()).endsWith("-3\"");

        Path back = dataDir.resolve("back.bin");
        run(aws, "s3", "cp", "s3://cli-mp/big.bin", back.toString());
        assertThat(Files.readAllBytes(back)).isEqualTo(content);

        run(aws, "s3", "cp", "s3://cli-mp/big.bin", "s3://cli-mp/copy/big.bin");
        Path copy = dataDir.resolve("copy.bin");
        run(aws, "s3", "cp", "s3://cli-mp/copy/big.bin", copy.toString());
        assertThat(Files.readAllBytes(copy)).isEqualTo(content);

        Path small = dataDir.resolve("small.txt");
        Files.writeString(small, "moved by the aws CLI");
        run(aws, "s3", "cp", small.toString(), "s3://cli-mp/small.txt");
        run(aws, "s3", "mv", "s3://cli-mp/small.txt", "s3://cli-mp/moved/small.txt");
        String listing = run(aws, "s3", "ls", "--recursive", "s3://cli-mp/");
        assertThat(listing).contains("moved/small.txt", "copy/big.bin", "big.bin").doesNotContain(" small.txt");
        assertThat(run(aws, "s3", "cp", "s3://cli-mp/moved/small.txt", "-")).isEqualTo("moved by the aws CLI");
        assertThat(partFiles()).isZero();
    }

    private static String run(Path aws, String... args) throws Exception {
        return AwsCli.run(aws, server.endpoint(), dataDir, args);
    }
}
