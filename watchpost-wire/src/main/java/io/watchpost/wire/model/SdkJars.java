package io.watchpost.wire.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Lists a service's operations from the SDK's generated marshallers ({@code transform/<Op>RequestMarshaller.class})
 * by reading the jar's directory, without loading any class.
 */
final class SdkJars {
    private static final String SUFFIX = "RequestMarshaller.class";

    private SdkJars() {}

    static Set<String> operationNames(String basePackage, String anchorClass) {
        String basePath = basePackage.replace('.', '/');
        URL anchor = SdkJars.class.getClassLoader().getResource(basePath + "/" + anchorClass + ".class");
        if (anchor == null) {
            throw new IllegalStateException("the AWS SDK on the class path lacks " + basePackage);
        }
        try {
            return switch (anchor.getProtocol()) {
                case "jar" -> fromJar(anchor, basePath + "/transform/");
                case "file" -> fromDirectory(Path.of(anchor.toURI()).resolveSibling("transform"));
                default -> throw new IllegalStateException("cannot list " + anchor);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> fromJar(URL anchor, String prefix) throws IOException {
        String spec = anchor.getPath();  // file:/path/to/x.jar!/software/...
        Path jar = Path.of(java.net.URI.create(spec.substring(0, spec.indexOf("!/"))));
        Set<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(prefix) && entry.endsWith(SUFFIX) && entry.indexOf('/', prefix.length()) < 0) {
                    names.add(entry.substring(prefix.length(), entry.length() - SUFFIX.length()));
                }
            }
        }
        return names;
    }

    private static Set<String> fromDirectory(Path transform) throws IOException {
        Set<String> names = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(transform, "*" + SUFFIX)) {
            files.forEach(file -> {
                String name = file.getFileName().toString();
                names.add(name.substring(0, name.length() - SUFFIX.length()));
            });
        }
        return names;
    }
}
