package org.mailautoconf.format.setuppage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodeTest {

    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1H(\\d+)z");

    /** Draws the SVG path as a browser would (each run a rectangle), scaled up, and decodes it. */
    private static String decode(QrCode code) throws Exception {
        int scale = 4;
        BufferedImage image = new BufferedImage(code.size() * scale, code.size() * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher m = RUN.matcher(code.path());
        int end = 0;
        while (m.find()) {
            assertThat(m.start()).as("nothing but runs in the path").isEqualTo(end);
            end = m.end();
            g.fillRect(Integer.parseInt(m.group(1)) * scale, Integer.parseInt(m.group(2)) * scale,
                    Integer.parseInt(m.group(3)) * scale, scale);
        }
        assertThat(end).isEqualTo(code.path().length());
        g.dispose();
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    @Test
    void of_pageUrl_decodesToTheSameUrl() throws Exception {
        String url = "https://autoconfig.pec.telecomitalia.it/?emailaddress=mario.rossi%40pec.telecomitalia.it";

        QrCode code = QrCode.of(url);

        assertThat(decode(code)).isEqualTo(url);
        assertThat(code.path()).matches("[0-9MhvHz ]+");
    }

    @Test
    void of_nonAsciiText_roundTripsAsUtf8() throws Exception {
        assertThat(decode(QrCode.of("https://autoconfig.università.it/?emailaddress=jos%C3%A9"))).isEqualTo(
                "https://autoconfig.università.it/?emailaddress=jos%C3%A9");
    }

    @Test
    void of_textLongerThanAQrCodeHolds_refused() {
        assertThatThrownBy(() -> QrCode.of("x".repeat(5000))).isInstanceOf(IllegalArgumentException.class);
    }
}
