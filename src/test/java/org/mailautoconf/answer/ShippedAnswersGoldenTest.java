package org.mailautoconf.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ProfileSigning;
import org.mailautoconf.format.mobileconfig.ProfileSigner;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.SigningSetup;
import org.mailautoconf.testing.TestPki;

/**
 * Every shipped provider's domains, with no address and with a few addresses, through every
 * client format, compared with hashes computed once from the code before the renderer seam
 * moved (src/test/resources/golden/shipped-answers.txt). A changed byte changes an ETag, and
 * every client that cached an answer would fetch it again: a change here must be meant.
 *
 * <p>A signed profile's signature carries its signing time, so for it the line holds the
 * signed content's hash (which must be the unsigned profile's) with the status and headers.
 * Regenerate (only for a meant change) with {@code -Dgolden.write=true}.
 */
class ShippedAnswersGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/shipped-answers.txt");

    /** The formats the golden file was computed for; formats added since are tested on their own. */
    static final List<ClientFormat> BEFORE = List.of(ClientFormat.AUTOCONFIG, ClientFormat.MOBILECONFIG,
            ClientFormat.MOBILECONFIG_SIGNED, ClientFormat.AUTODISCOVER_OUTLOOK, ClientFormat.AUTODISCOVER_MOBILESYNC);

    @TempDir
    Path dir;

    @Test
    void everyShippedAnswer_isByteForByteAsBefore() throws Exception {
        TestPki.Issued root = TestPki.rootCa("Golden Root");
        TestPki.Issued signer = TestPki.signer("golden signer", TestPki.rsa(), root);
        ProfileSigning signing = SigningSetup.signing(dir, signer, root);
        Map<ClientFormat, FormatRenderer> table = table(Optional.of(ProfileSigner.load(signing.certificate(), signing.privateKey(), signing.chain())));
        assertThat(table.keySet()).containsAll(BEFORE);

        List<String> lines = lines(Registries.shipped(), table);
        if (Boolean.getBoolean("golden.write")) {
            Files.write(GOLDEN, lines, StandardCharsets.UTF_8);
        }
        assertThat(lines).containsExactlyElementsOf(Files.readAllLines(GOLDEN, StandardCharsets.UTF_8));
    }

    /** The renderer table under test. */
    static Map<ClientFormat, FormatRenderer> table(Optional<ProfileSigner> signer) {
        return Renderers.table(signer);
    }

    static List<String> lines(Registry registry, Map<ClientFormat, FormatRenderer> table) throws Exception {
        List<String> out = new ArrayList<>();
        for (Provider p : Registries.providers(registry)) {
            for (DomainName d : Registries.domains(p)) {
                List<Optional<EmailAddress>> subjects = new ArrayList<>();
                subjects.add(Optional.empty());
                subjects.add(Optional.of(new EmailAddress("mario.rossi", d)));
                subjects.add(Optional.of(new EmailAddress("o'brien&co", d)));
                p.aliases().keySet().stream().sorted().map(EmailAddress::parse)
                        .filter(a -> a.domain().equals(d)).forEach(a -> subjects.add(Optional.of(a)));
                for (ClientFormat f : BEFORE) {
                    for (Optional<EmailAddress> a : subjects) {
                        if (a.isEmpty() && f != ClientFormat.AUTOCONFIG) {
                            continue;
                        }
                        out.add(f.label() + " " + d.ascii() + " " + a.map(EmailAddress::toString).orElse("-") + " "
                                + describe(f, table.get(f), p, d, a));
                    }
                }
            }
        }
        return out;
    }

    private static String describe(ClientFormat f, FormatRenderer r, Provider p, DomainName d, Optional<EmailAddress> a)
            throws Exception {
        Optional<Refusal> refusal = r.refusal(p, d, a);
        if (refusal.isPresent()) {
            return "refused " + refusalCode(refusal.get()) + " " + refusal.get().reason();
        }
        Answer answer = r.render(p, d, a);
        byte[] body = f == ClientFormat.MOBILECONFIG_SIGNED
                ? (byte[]) new CMSSignedData(answer.body()).getSignedContent().getContent() : answer.body();
        assertThat(answer.etag()).isEqualTo(Answer.etagOf(answer.body()));
        return answer.status() + " " + answer.contentType() + " " + new TreeMap<>(answer.headers()) + " "
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    static int refusalCode(Refusal r) {
        return ((Refusal.Protocol) r).error().code().code();
    }
}
