package org.mailautoconf.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.testing.Registries;

/** A renderer may refuse a provider it was asked about; the lookup then says so instead of rendering. */
class AnswersRefusalTest {

    private final Answers answers = new Answers(Renderers.table(Optional.empty()));

    private Lookup lookup(String address) {
        answers.publish(Registries.shipped());
        EmailAddress a = EmailAddress.parse(address);
        return answers.lookup(ClientFormat.AUTODISCOVER_MOBILESYNC, a.domain(), Optional.of(a));
    }

    @Test
    void lookup_providerWithoutActiveSync_isRefusedWith601() {
        Lookup lookup = lookup("a@unimi.it");
        assertThat(lookup).isInstanceOf(Lookup.Refused.class);
        Lookup.Refused refused = (Lookup.Refused) lookup;
        assertThat(((Refusal.Protocol) refused.refusal()).error().code().code()).isEqualTo(601);
        assertThat(refused.provider().id()).isEqualTo("unimi");
    }

    @Test
    void lookup_providerWithActiveSync_isFound() {
        Lookup lookup = lookup("a@polito.it");
        assertThat(lookup).isInstanceOf(Lookup.Found.class);
        Answer answer = ((Lookup.Found) lookup).answer();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("text/xml; charset=utf-8");
        assertThat(answer.etag()).isEqualTo(Answer.etagOf(answer.body()));
    }

    @Test
    void lookup_unknownDomain_isNoProvider() {
        assertThat(lookup("a@unknown.example")).isEqualTo(new Lookup.NoProvider(DomainName.parse("unknown.example")));
    }
}
