package io.watchpost.wire;

import io.watchpost.wire.codec.JsonShapeEncoder;
import io.watchpost.wire.codec.Mappers;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Renders SDK objects as JSON text with lowerCamel member names, as CloudTrail writes request parameters and
 * response elements.
 */
public final class Rendering {
    private Rendering() {}

    public static Optional<String> json(Object pojo) {
        if (!(pojo instanceof SdkPojo sdkPojo) || sdkPojo.sdkFields().isEmpty()) {
            return Optional.empty();
        }
        StringWriter text = new StringWriter();
        try (var out = Mappers.JSON.getFactory().createGenerator(text)) {
            JsonShapeEncoder.writeObject(out, sdkPojo, field -> true, JsonShapeEncoder.CLOUDTRAIL_NAMES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(text.toString());
    }
}
