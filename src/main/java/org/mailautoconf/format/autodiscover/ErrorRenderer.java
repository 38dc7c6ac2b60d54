package org.mailautoconf.format.autodiscover;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.mailautoconf.format.XmlWriter;

/**
 * The protocol's error response (MS-OXDSCLI 2.2.4.1.1.3; MS-ASCMD for mobilesync). Exchange puts
 * the Outlook error's {@code Response} in the outer namespace and the mobilesync one in the
 * mobilesync namespace. Pure: the caller passes the time, so this stays out of cached answers.
 */
public final class ErrorRenderer {

    /** {@code hh:mm:ss.fffffff}, as in Microsoft's examples. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSS");

    /**
     * @param answerIn the schema of the request, when known; only mobilesync changes the namespace
     * @param serverId an unsigned number naming this service instance (the {@code Id} attribute)
     */
    public byte[] render(ProtocolError error, Optional<ResponseSchema> answerIn, LocalTime time, long serverId) {
        XmlWriter xml = new XmlWriter();
        xml.start("Autodiscover").namespace(ResponseSchema.AUTODISCOVER_NAMESPACE);
        xml.start("Response");
        if (answerIn.equals(Optional.of(ResponseSchema.MOBILESYNC))) {
            xml.namespace(ResponseSchema.MOBILESYNC.uri());
        }
        xml.start("Error", "Time", TIME.format(time), "Id", Long.toUnsignedString(serverId));
        xml.element("ErrorCode", Integer.toString(error.code().code()));
        xml.element("Message", error.code().message());
        xml.element("DebugData", error.reason());
        xml.end();
        xml.end();
        xml.end();
        return xml.toBytes();
    }
}
