package org.mailautoconf.check;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Reads an Apple configuration profile (formats.md C): the plist, or the CMS SignedData around
 * it, whose signature is verified and whose signer certificate's dates are reported. Whether a
 * device shows the profile as "Verified" depends on its own trust store, so only the signature
 * and the dates are judged here.
 */
final class ProfileReading {

    /** {@code notes}: who signed it, or that it is unsigned, and a signing certificate near its end. */
    record Read(Settings settings, List<String> refuses, List<String> notes) {}

    private ProfileReading() {
    }

    static Read read(byte[] body, Instant now) {
        byte[] plist = body;
        List<String> notes = new ArrayList<>();
        List<String> refuses = new ArrayList<>();
        if (body.length > 0 && body[0] == 0x30) {
            try {
                CMSSignedData signed = new CMSSignedData(body);
                SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
                @SuppressWarnings("unchecked")
                X509CertificateHolder holder = (X509CertificateHolder) signed.getCertificates().getMatches(info.getSID()).iterator().next();
                X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
                notes.add("signed by " + cert.getSubjectX500Principal().getName());
                java.time.Duration left = java.time.Duration.between(now, cert.getNotAfter().toInstant());
                if (!left.isNegative() && left.compareTo(CheckSettings.EXPIRY_WARNING) < 0) {
                    notes.add("the profile's signing certificate expires on " + cert.getNotAfter().toInstant() + ": renew it");
                }
                if (!verifies(info, cert)) {
                    refuses.add("the profile's signature does not verify: its content was changed after signing, or another key signed it");
                }
                if (cert.getNotAfter().toInstant().isBefore(now)) {
                    refuses.add("the profile's signing certificate expired on " + cert.getNotAfter().toInstant());
                }
                plist = (byte[]) signed.getSignedContent().getContent();
            } catch (Exception e) {
                return new Read(new Settings(List.of(), List.of()), List.of("a signed profile that cannot be read: " + e.getMessage()), notes);
            }
        }
        if (notes.isEmpty()) {
            notes.add("unsigned: devices show it as not verified");
        }
        try {
            NSDictionary top = (NSDictionary) PropertyListParser.parse(plist);
            if (!"Configuration".equals(string(top, "PayloadType"))) {
                refuses.add("PayloadType is not Configuration");
            }
            List<Settings.Endpoint> in = new ArrayList<>();
            List<Settings.Endpoint> out = new ArrayList<>();
            NSObject content = top.objectForKey("PayloadContent");
            if (content instanceof NSArray payloads) {
                for (NSObject o : payloads.getArray()) {
                    if (o instanceof NSDictionary p && "com.apple.mail.managed".equals(string(p, "PayloadType"))) {
                        String type = string(p, "EmailAccountType").equals("EmailTypePOP") ? "POP" : "IMAP";
                        in.add(endpoint(type, p, "Incoming"));
                        out.add(endpoint("SMTP", p, "Outgoing"));
                    }
                }
            }
            if (in.isEmpty()) {
                refuses.add("no mail account payload (com.apple.mail.managed)");
            }
            return new Read(new Settings(in, out), refuses, notes);
        } catch (Exception e) {
            return new Read(new Settings(List.of(), List.of()), List.of("not a property list: " + e.getMessage()), notes);
        }
    }

    private static boolean verifies(SignerInformation info, X509Certificate cert) throws org.bouncycastle.operator.OperatorCreationException {
        try {
            return info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
        } catch (org.bouncycastle.cms.CMSException e) {
            // BouncyCastle reports a digest that does not match as an exception, not as false.
            return false;
        }
    }

    private static Settings.Endpoint endpoint(String type, NSDictionary p, String side) {
        NSObject port = p.objectForKey(side + "MailServerPortNumber");
        NSObject ssl = p.objectForKey(side + "MailServerUseSSL");
        return new Settings.Endpoint(type, string(p, side + "MailServerHostName"), port == null ? 0 : Integer.parseInt(port.toJavaObject().toString()),
                "UseSSL " + (ssl != null && Boolean.TRUE.equals(ssl.toJavaObject())), string(p, side + "MailServerUsername"));
    }

    private static String string(NSDictionary d, String key) {
        NSObject o = d.objectForKey(key);
        return o == null ? "" : o.toJavaObject().toString();
    }
}
