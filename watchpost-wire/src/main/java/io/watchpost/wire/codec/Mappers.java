package io.watchpost.wire.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;

/**
 * The JSON and CBOR parsers of the wire layer, with hostile input bounded before any tree is built: nesting
 * depth, number length and string length. Thread-safe and shared.
 */
public final class Mappers {
    /** No AWS shape of these services nests deeper; documents (free-form JSON) get the same bound. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(400)
            .maxStringLength(16 * 1024 * 1024)
            .build();

    public static final ObjectMapper JSON = new ObjectMapper(
            JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build());
    public static final ObjectMapper CBOR = new ObjectMapper(
            CBORFactory.builder().streamReadConstraints(CONSTRAINTS).build());

    private Mappers() {}

    /** Parses a JSON or CBOR body; an empty body is an empty object. Malformed input is a CodecException. */
    public static JsonNode read(ObjectMapper mapper, byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node == null || node.isMissingNode() ? mapper.createObjectNode() : node;
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new CodecException("Request body exceeds a limit: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CodecException("Malformed request body");
        }
    }
}
