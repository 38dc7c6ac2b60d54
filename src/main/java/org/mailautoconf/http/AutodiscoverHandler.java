package org.mailautoconf.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.AutodiscoverAnswers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.Lookup;
import org.mailautoconf.answer.Refusal;
import org.mailautoconf.format.autodiscover.AutodiscoverRequest;
import org.mailautoconf.format.autodiscover.ErrorCode;
import org.mailautoconf.format.autodiscover.PoxEndpoint;
import org.mailautoconf.format.autodiscover.ProtocolError;
import org.mailautoconf.format.autodiscover.RequestReader;
import org.mailautoconf.format.autodiscover.ResponseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /autodiscover/autodiscover.xml} in any letter case: POST answers the request document
 * (settings, a redirect, or the protocol's error, all with the status Exchange uses); GET is the
 * HTTP redirect method and sends the client to the public https URL.
 *
 * <p>Outlook and Thunderbird send {@code Authorization: Basic} with every POST, Thunderbird even
 * over plain http. Nothing here reads that header: the address comes from the body only.
 */
final class AutodiscoverHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AutodiscoverHandler.class);

    private final DirectoryStep directory;
    private final Responses responses;
    private final Clock clock;
    private final Optional<URI> publicBaseUrl;
    private final long serverId;
    private final AutodiscoverBodies bodies = new AutodiscoverBodies();

    AutodiscoverHandler(DirectoryStep directory, Responses responses, Clock clock, ServiceConfig config) {
        this.directory = directory;
        this.responses = responses;
        this.clock = clock;
        this.publicBaseUrl = config.publicBaseUrl();
        String name = config.publicBaseUrl().map(URI::getHost).orElse(config.listenHost());
        this.serverId = Integer.toUnsignedLong(name.hashCode());
    }

    void post(Exchange ctx) {
        Buffer body = ctx.body().buffer();
        RequestReader.Result read = bodies.read(body == null ? new byte[0] : body.getBytes(), charset(ctx));
        if (read instanceof RequestReader.Result.Rejected rejected) {
            fail(ctx, rejected.error(), rejected.answerIn());
            return;
        }
        AutodiscoverRequest request = ((RequestReader.Result.Accepted) read).request();
        ClientFormat format = request.schema() == ResponseSchema.MOBILESYNC
                ? ClientFormat.AUTODISCOVER_MOBILESYNC : ClientFormat.AUTODISCOVER_OUTLOOK;
        RequestLog.format(ctx, format.label());
        RequestLog.domain(ctx, request.address().domain().ascii());
        try {
            directory.answer(ctx, format, request.address().domain(), Optional.of(request.address()),
                    lookup -> respond(ctx, request, lookup));
        } catch (RuntimeException e) {
            LOG.error("building the {} answer for a {} address failed", format.label(), request.address().domain(), e);
            fail(ctx, new ProtocolError(ErrorCode.INTERNAL_ERROR, "building the answer failed"), Optional.of(request.schema()));
        }
    }

    private void respond(Exchange ctx, AutodiscoverRequest request, Lookup lookup) {
        if (lookup instanceof Lookup.Found found) {
            responses.send(ctx, found.answer());
        } else if (lookup instanceof Lookup.Refused refused) {
            ProtocolError error = refused.refusal() instanceof Refusal.Protocol p ? p.error()
                    : new ProtocolError(ErrorCode.INTERNAL_ERROR, refused.refusal().reason());
            fail(ctx, error, Optional.of(request.schema()));
        } else {
            fail(ctx, new ProtocolError(ErrorCode.ADDRESS_NOT_FOUND,
                    "no mail provider is known for " + request.address().domain().ascii()), Optional.of(request.schema()));
        }
    }

    /**
     * The HTTP redirect method (MS-OXDISCO 3.1.5.4): Outlook GETs
     * {@code http://autodiscover.<domain>/Autodiscover/Autodiscover.xml} and expects a 302 to the
     * https URL it then POSTs to. Asked at the public host itself, a redirect would loop.
     */
    void get(Exchange ctx) {
        if (publicBaseUrl.isEmpty()) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            responses.clientError(ctx, 405, "Autodiscover asks by POST here; the HTTP redirect method needs the public https URL"
                    + " of this service (serve --public-url)");
            return;
        }
        String host = ctx.request().authority() == null ? "" : ctx.request().authority().host();
        if (host.equalsIgnoreCase(publicBaseUrl.get().getHost())) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            responses.clientError(ctx, 405, "this is the Autodiscover URL itself: POST the request document here");
            return;
        }
        String target = PoxEndpoint.under(publicBaseUrl.get()).toString();
        byte[] body = new byte[0];
        responses.send(ctx, new Answer(302, body, "text/plain; charset=utf-8", Answer.etagOf(body), Map.of("Location", target)));
    }

    private void fail(Exchange ctx, ProtocolError error, Optional<ResponseSchema> answerIn) {
        RequestLog.protocolError(ctx);
        Answer answer = AutodiscoverAnswers.error(error, answerIn, clock.instant(), serverId);
        responses.sendFailure(ctx, answer, "Autodiscover error " + error.code().code() + ": " + error.reason());
    }

    /** The {@code charset} parameter of the Content-Type, which RFC 7303 puts before the XML declaration. */
    static Optional<String> charset(Exchange ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return Optional.empty();
        }
        // Parameter by parameter without String.split, which compiled a list per request (JFR).
        for (int from = 0; from <= type.length(); ) {
            int end = type.indexOf(';', from);
            end = end < 0 ? type.length() : end;
            int equals = type.indexOf('=', from);
            if (equals >= 0 && equals < end && type.substring(from, equals).strip().equalsIgnoreCase("charset")) {
                String value = type.substring(equals + 1, end).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
            from = end + 1;
        }
        return Optional.empty();
    }
}
