package org.mailautoconf.format.setuppage;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as the drawing instructions of one SVG path: ZXing encodes the text, and each run
 * of dark modules in a row becomes one rectangle. The path holds only digits and the letters
 * M, h, v, H, z, so the page can put it in as it is.
 *
 * @param size the side in modules, quiet zone included
 * @param path the SVG path data of the dark modules
 */
record QrCode(int size, String path) {

    /** Four modules of light margin, as the QR standard asks, so any phone camera finds it. */
    private static final int QUIET_ZONE = 4;

    static QrCode of(String text) {
        BitMatrix m;
        try {
            // Level M survives a smudged screen or glare; the URLs here need version 4 to 6.
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("too long for a QR code: " + text.length() + " characters", e);
        }
        StringBuilder d = new StringBuilder(m.getWidth() * 16);
        for (int y = 0; y < m.getHeight(); y++) {
            int x = 0;
            while (x < m.getWidth()) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < m.getWidth() && m.get(x, y)) {
                    x++;
                }
                d.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1H")
                        .append(start).append('z');
            }
        }
        return new QrCode(m.getWidth(), d.toString());
    }
}
