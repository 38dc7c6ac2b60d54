package org.mailautoconf.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code _ua-auto-config} TXT records read as PACC clients read them (formats.md G.7). */
class PaccDigestsTest {

    private static final byte[] DIGEST = PaccDigests.sha256("{}".getBytes(StandardCharsets.UTF_8));
    private static final String D = Base64.getEncoder().encodeToString(DIGEST);

    @Test
    void theRecordAsMailautoconfWritesIt_isRead() {
        PaccDigests p = PaccDigests.read(List.of(List.of("v=UAAC1; a=sha256; d=" + D)));

        assertThat(p.contains(DIGEST)).isTrue();
        assertThat(p.skipped()).isEmpty();
    }

    @Test
    void stringsAreJoinedWithoutASeparator_tagsInAnyOrderAndSpacing_namesAndValuesInAnyCase() {
        PaccDigests p = PaccDigests.read(List.of(List.of(" D = " + D.substring(0, 10), D.substring(10) + " ;A=SHA256;  v=uaac1 ;x=unknown")));

        assertThat(p.contains(DIGEST)).isTrue();
    }

    @Test
    void otherVersions_algorithms_andBrokenDigests_areSkipped_andNamed() {
        PaccDigests p = PaccDigests.read(List.of(List.of("v=UAAC2; a=sha256; d=" + D), List.of("v=UAAC1; a=sha512; d=" + D),
                List.of("v=UAAC1; a=sha256; d=not*base64"), List.of("v=UAAC1; a=sha256; d=" + D.substring(0, 8)),
                List.of("v=UAAC1; a=sha256"), List.of("v=spf1 -all")));

        assertThat(p.digests()).isEmpty();
        assertThat(p.skipped()).hasSize(6).contains("v=spf1 -all");
        assertThat(p.contains(DIGEST)).isFalse();
    }

    @Test
    void severalRecords_eachDigestCounts() {
        byte[] other = PaccDigests.sha256("[]".getBytes(StandardCharsets.UTF_8));
        PaccDigests p = PaccDigests.read(List.of(List.of("v=UAAC1; a=sha256; d=" + Base64.getEncoder().encodeToString(other)),
                List.of("v=UAAC1; a=sha256; d=" + D)));

        assertThat(p.digests()).hasSize(2);
        assertThat(p.contains(DIGEST)).isTrue();
        assertThat(p.contains(other)).isTrue();
    }
}
