package org.mailautoconf.registry.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Whether a PNG is whole, without decoding its pixels: every chunk within the file and with its
 * CRC, the header (IHDR) first with a size a logo can have, IEND last and nothing after it.
 */
final class PngStructure {

    /** Larger than any logo is drawn; a bigger one costs every visitor's browser its decoding. */
    static final int MAX_SIDE = 4096;

    private PngStructure() {
    }

    /** Why the chunks after the signature are not a whole PNG, or null when they are. */
    static String problem(ByteBuffer png) {
        boolean first = true;
        while (png.remaining() >= 12) {
            long length = Integer.toUnsignedLong(png.getInt());
            byte[] type = new byte[4];
            png.get(type);
            if (length > png.remaining() - 4) {
                return "a chunk runs past the end of the file";
            }
            String name = new String(type, StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(png.slice(png.position(), (int) length));
            if (first) {
                if (!name.equals("IHDR") || length != 13) {
                    return "the first chunk is not the image header (IHDR)";
                }
                long width = Integer.toUnsignedLong(png.getInt(png.position()));
                long height = Integer.toUnsignedLong(png.getInt(png.position() + 4));
                if (width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE) {
                    return width + "×" + height + " pixels; a logo has at most " + MAX_SIDE + " on each side";
                }
                first = false;
            }
            png.position(png.position() + (int) length);
            if ((int) crc.getValue() != png.getInt()) {
                return "the " + name + " chunk's checksum is wrong (the file is damaged)";
            }
            if (name.equals("IEND")) {
                return png.hasRemaining() ? "there are bytes after its end (IEND)" : null;
            }
        }
        return "it ends before its last chunk (IEND)";
    }
}
