package org.mailautoconf.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MxDomainsTest {

    @Test
    void baseDomain_isTheLastTwoLabels_orThreeUnderASecondLevelSuffix() {
        assertThat(MxDomains.base("mx1.mail.example.net")).isEqualTo("example.net");
        assertThat(MxDomains.base("mail.polito.it")).isEqualTo("polito.it");
        assertThat(MxDomains.base("mx.provider.co.uk")).isEqualTo("provider.co.uk");
        assertThat(MxDomains.base("example.net")).isEqualTo("example.net");
    }
}
