package io.watchpost.store;

import java.io.IOException;
import java.nio.file.Path;

/** A file exists but fails validation (magic, version, checksum or structure); recovery decides what to do. */
final class CorruptFileException extends IOException {
    CorruptFileException(Path file, String reason) {
        super(file + ": " + reason);
    }
}
