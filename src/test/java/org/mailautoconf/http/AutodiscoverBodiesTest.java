package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailautoconf.format.autodiscover.RequestReader;

/** A body read before gives exactly what reading it again gives, and only for the same bytes and charset. */
class AutodiscoverBodiesTest {

    private static byte[] request(String address) {
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">"
                + "<Request><EMailAddress>" + address + "</EMailAddress>"
                + "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
                + "</AcceptableResponseSchema></Request></Autodiscover>").getBytes(StandardCharsets.UTF_8);
    }

    private final AutodiscoverBodies bodies = new AutodiscoverBodies();
    private final RequestReader reader = new RequestReader();

    @Test
    void aBodyReadAgainGivesWhatTheReaderGives() {
        for (String address : new String[] {"mario.rossi@polito.it", "not an address", "luigi@unimi.it"}) {
            RequestReader.Result expected = reader.read(request(address), Optional.empty());
            assertThat(bodies.read(request(address), Optional.empty())).isEqualTo(expected);
            assertThat(bodies.read(request(address), Optional.empty())).isEqualTo(expected);
        }
    }

    @Test
    void theSameBytesWithAnotherCharsetAreReadAgain() {
        byte[] body = request("mario.rossi@polito.it");
        RequestReader.Result utf8 = bodies.read(body, Optional.of("utf-8"));
        assertThat(utf8).isInstanceOf(RequestReader.Result.Accepted.class);
        // Read as UTF-16 these bytes are no document must be refused for these bytes even though they were read before.
        assertThat(bodies.read(body.clone(), Optional.of("utf-16")))
                .isEqualTo(reader.read(body, Optional.of("utf-16")))
                .isNotEqualTo(utf8);
    }

    @Test
    void aBodyThatDiffersByOneByteIsNotTakenForAnother() {
        RequestReader.Result mario = bodies.read(request("mario@polito.it"), Optional.empty());
        RequestReader.Result maria = bodies.read(request("maria@polito.it"), Optional.empty());
        assertThat(((RequestReader.Result.Accepted) mario).request().address().toString()).contains("mario");
        assertThat(((RequestReader.Result.Accepted) maria).request().address().toString()).contains("maria");
    }
}
