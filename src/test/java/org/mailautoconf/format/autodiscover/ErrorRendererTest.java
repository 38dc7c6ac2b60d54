package org.mailautoconf.format.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.testing.PoxXml.child;
import static org.mailautoconf.testing.PoxXml.children;
import static org.mailautoconf.testing.PoxXml.nameOf;
import static org.mailautoconf.testing.PoxXml.namespaceOf;

import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailautoconf.testing.Requests;
import org.mailautoconf.testing.PoxXml;
import org.w3c.dom.Element;

class ErrorRendererTest {

    private final ErrorRenderer renderer = new ErrorRenderer();
    private final ProtocolError error = new ProtocolError(ErrorCode.INVALID_REQUEST, "the request body is empty & <odd>");

    private Element error(Optional<ResponseSchema> in) {
        Element root = PoxXml.parse(renderer.render(error, in, LocalTime.of(16, 56, 32, 616_402_700), 4_294_967_295L));
        assertThat(nameOf(root)).isEqualTo("Autodiscover");
        assertThat(namespaceOf(root)).isEqualTo(Requests.AUTODISCOVER_NS);
        return child(root, "Response");
    }

    @Test
    void render_outlookAndUnknown_responseInTheOuterNamespace() {
        for (Optional<ResponseSchema> in : java.util.List.of(Optional.<ResponseSchema>empty(), Optional.of(ResponseSchema.OUTLOOK))) {
            Element response = error(in);
            assertThat(namespaceOf(response)).isEqualTo(Requests.AUTODISCOVER_NS);
            Element e = child(response, "Error");
            assertThat(e.getAttribute("Time")).isEqualTo("16:56:32.6164027");
            assertThat(e.getAttribute("Id")).isEqualTo("4294967295");
            assertThat(children(e)).extracting(c -> nameOf(c) + "=" + c.getTextContent()).containsExactly(
                    "ErrorCode=600", "Message=Invalid Request", "DebugData=the request body is empty & <odd>");
        }
    }

    @Test
    void render_mobileSync_responseInTheMobileSyncNamespace() {
        Element response = error(Optional.of(ResponseSchema.MOBILESYNC));
        assertThat(namespaceOf(response)).isEqualTo(Requests.MOBILESYNC_SCHEMA);
        assertThat(namespaceOf(child(child(response, "Error"), "ErrorCode"))).isEqualTo(Requests.MOBILESYNC_SCHEMA);
    }

    @Test
    void errorCodes_areMicrosoftsTable() {
        assertThat(ErrorCode.values()).extracting(ErrorCode::code).containsExactly(500, 501, 600, 601, 602, 603);
    }
}
