package org.mailautoconf.format.mobileconfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys and types of Apple's device-management schema (github.com/apple/device-management,
 * mdm/profiles/) for every payload the service emits: TopLevel.yaml, CommonPayloadKeys.yaml,
 * com.apple.mail.managed.yaml, com.apple.eas.account.yaml, com.apple.security.root.yaml,
 * com.apple.caldav.account.yaml and com.apple.carddav.account.yaml.
 * Copied by hand, key by key, so that a test can hold every emitted key against it.
 */
final class AppleSchema {

    /** The plist element of each schema type; a boolean is {@code <true/>} or {@code <false/>}. */
    enum Type {
        STRING("string"), INTEGER("integer"), BOOLEAN("true", "false"), DATA("data"), ARRAY("array"),
        DICTIONARY("dict"), DATE("date"), REAL("real");

        final Set<String> elements;

        Type(String... elements) {
            this.elements = Set.of(elements);
        }
    }

    /** One key: its type, whether Apple requires it, and the values it allows (empty: any). */
    record Key(Type type, boolean required, List<String> rangeList) {}

    static final String TOP_LEVEL = "Configuration";

    /** TopLevel.yaml: the profile itself. */
    static final Map<String, Key> TOP = keys(
            "PayloadIdentifier", req(Type.STRING),
            "PayloadUUID", req(Type.STRING),
            "PayloadType", req(Type.STRING, "Configuration"),
            "PayloadVersion", req(Type.INTEGER, "1"),
            "IsEncrypted", opt(Type.BOOLEAN),
            "PayloadContent", req(Type.ARRAY),
            "EncryptedPayloadContent", opt(Type.DATA),
            "PayloadDescription", opt(Type.STRING),
            "PayloadDisplayName", opt(Type.STRING),
            "HasRemovalPasscode", opt(Type.BOOLEAN),
            "PayloadOrganization", opt(Type.STRING),
            "PayloadRemovalDisallowed", opt(Type.BOOLEAN),
            "PayloadScope", opt(Type.STRING, "System", "User"),
            "RemovalDate", opt(Type.DATE),
            "DurationUntilRemoval", opt(Type.REAL),
            "PayloadExpirationDate", opt(Type.DATE),
            "TargetDeviceType", opt(Type.INTEGER, "0", "1", "2", "3", "4", "5"),
            "ConsentText", opt(Type.DICTIONARY));

    /** CommonPayloadKeys.yaml: in every payload dictionary. */
    static final Map<String, Key> COMMON = keys(
            "PayloadIdentifier", req(Type.STRING),
            "PayloadUUID", req(Type.STRING),
            "PayloadType", req(Type.STRING),
            "PayloadVersion", req(Type.INTEGER, "1"),
            "PayloadDescription", opt(Type.STRING),
            "PayloadDisplayName", opt(Type.STRING),
            "PayloadOrganization", opt(Type.STRING));

    private static final String[] AUTH = {"EmailAuthNone", "EmailAuthPassword", "EmailAuthCRAMMD5", "EmailAuthNTLM", "EmailAuthHTTPMD5"};

    /** Each payload type's own keys (the common ones come on top). */
    static final Map<String, Map<String, Key>> PAYLOADS = Map.of(
            "com.apple.mail.managed", keys(
                    "EmailAccountDescription", opt(Type.STRING),
                    "EmailAccountName", opt(Type.STRING),
                    "EmailAccountType", req(Type.STRING, "EmailTypeIMAP", "EmailTypePOP"),
                    "EmailAddress", opt(Type.STRING),
                    "IncomingMailServerAuthentication", req(Type.STRING, AUTH),
                    "IncomingMailServerHostName", req(Type.STRING),
                    "IncomingMailServerPortNumber", opt(Type.INTEGER),
                    "IncomingMailServerUseSSL", opt(Type.BOOLEAN),
                    "IncomingMailServerUsername", opt(Type.STRING),
                    "IncomingPassword", opt(Type.STRING),
                    "OutgoingPassword", opt(Type.STRING),
                    "OutgoingPasswordSameAsIncomingPassword", opt(Type.BOOLEAN),
                    "OutgoingMailServerAuthentication", req(Type.STRING, AUTH),
                    "OutgoingMailServerHostName", req(Type.STRING),
                    "OutgoingMailServerPortNumber", opt(Type.INTEGER),
                    "OutgoingMailServerUseSSL", opt(Type.BOOLEAN),
                    "OutgoingMailServerUsername", opt(Type.STRING),
                    "PreventMove", opt(Type.BOOLEAN),
                    "PreventAppSheet", opt(Type.BOOLEAN),
                    "SMIMEEnabled", opt(Type.BOOLEAN),
                    "SMIMESigningEnabled", opt(Type.BOOLEAN),
                    "SMIMESigningCertificateUUID", opt(Type.STRING),
                    "SMIMEEncryptionEnabled", opt(Type.BOOLEAN),
                    "SMIMEEncryptionCertificateUUID", opt(Type.STRING),
                    "SMIMEEnablePerMessageSwitch", opt(Type.BOOLEAN),
                    "disableMailRecentsSyncing", opt(Type.BOOLEAN),
                    "allowMailDrop", opt(Type.BOOLEAN),
                    "IncomingMailServerIMAPPathPrefix", opt(Type.STRING),
                    "SMIMESigningUserOverrideable", opt(Type.BOOLEAN),
                    "SMIMESigningCertificateUUIDUserOverrideable", opt(Type.BOOLEAN),
                    "SMIMEEncryptByDefault", opt(Type.BOOLEAN),
                    "SMIMEEncryptByDefaultUserOverrideable", opt(Type.BOOLEAN),
                    "SMIMEEncryptionCertificateUUIDUserOverrideable", opt(Type.BOOLEAN),
                    "SMIMEEnableEncryptionPerMessageSwitch", opt(Type.BOOLEAN),
                    "VPNUUID", opt(Type.STRING)),
            "com.apple.eas.account", keys(
                    "EmailAddress", opt(Type.STRING),
                    "Host", opt(Type.STRING),
                    "SSL", opt(Type.BOOLEAN),
                    "OAuth", opt(Type.BOOLEAN),
                    "UserName", opt(Type.STRING),
                    "Password", opt(Type.STRING),
                    "Certificate", opt(Type.DATA),
                    "CertificateName", opt(Type.STRING),
                    "CertificatePassword", opt(Type.STRING),
                    "PreventMove", opt(Type.BOOLEAN),
                    "PreventAppSheet", opt(Type.BOOLEAN),
                    "PayloadCertificateUUID", opt(Type.STRING),
                    "SMIMEEnabled", opt(Type.BOOLEAN),
                    "SMIMESigningEnabled", opt(Type.BOOLEAN),
                    "SMIMESigningCertificateUUID", opt(Type.STRING),
                    "SMIMEEncryptionEnabled", opt(Type.BOOLEAN),
                    "SMIMEEncryptionCertificateUUID", opt(Type.STRING),
                    "SMIMEEnablePerMessageSwitch", opt(Type.BOOLEAN),
                    "disableMailRecentsSyncing", opt(Type.BOOLEAN),
                    "MailNumberOfPastDaysToSync", opt(Type.INTEGER, "0", "1", "3", "7", "14", "31"),
                    "HeaderMagic", opt(Type.STRING),
                    "CommunicationServiceRules", opt(Type.DICTIONARY),
                    "allowMailDrop", opt(Type.BOOLEAN),
                    "SMIMESigningUserOverrideable", opt(Type.BOOLEAN),
                    "SMIMESigningCertificateUUIDUserOverrideable", opt(Type.BOOLEAN),
                    "SMIMEEncryptByDefault", opt(Type.BOOLEAN),
                    "SMIMEEncryptByDefaultUserOverrideable", opt(Type.BOOLEAN),
                    "SMIMEEncryptionCertificateUUIDUserOverrideable", opt(Type.BOOLEAN),
                    "SMIMEEnableEncryptionPerMessageSwitch", opt(Type.BOOLEAN),
                    "EnableMail", opt(Type.BOOLEAN),
                    "EnableContacts", opt(Type.BOOLEAN),
                    "EnableCalendars", opt(Type.BOOLEAN),
                    "EnableReminders", opt(Type.BOOLEAN),
                    "EnableNotes", opt(Type.BOOLEAN),
                    "EnableMailUserOverridable", opt(Type.BOOLEAN),
                    "EnableContactsUserOverridable", opt(Type.BOOLEAN),
                    "EnableCalendarsUserOverridable", opt(Type.BOOLEAN),
                    "EnableRemindersUserOverridable", opt(Type.BOOLEAN),
                    "EnableNotesUserOverridable", opt(Type.BOOLEAN),
                    "OAuthSignInURL", opt(Type.STRING),
                    "OAuthTokenRequestURL", opt(Type.STRING),
                    "OverridePreviousPassword", opt(Type.BOOLEAN),
                    "VPNUUID", opt(Type.STRING)),
            "com.apple.caldav.account", keys(
                    "CalDAVAccountDescription", opt(Type.STRING),
                    "CalDAVHostName", req(Type.STRING),
                    "CalDAVUsername", opt(Type.STRING),
                    "CalDAVPassword", opt(Type.STRING),
                    "CalDAVPrincipalURL", opt(Type.STRING),
                    "CalDAVUseSSL", opt(Type.BOOLEAN),
                    "CalDAVPort", opt(Type.INTEGER),
                    "VPNUUID", opt(Type.STRING)),
            "com.apple.carddav.account", keys(
                    "CardDAVAccountDescription", opt(Type.STRING),
                    "CardDAVHostName", req(Type.STRING),
                    "CardDAVUsername", opt(Type.STRING),
                    "CardDAVPassword", opt(Type.STRING),
                    "CardDAVPrincipalURL", opt(Type.STRING),
                    "CardDAVUseSSL", opt(Type.BOOLEAN),
                    "CardDAVPort", opt(Type.INTEGER),
                    "CommunicationServiceRules", opt(Type.DICTIONARY),
                    "VPNUUID", opt(Type.STRING)),
            "com.apple.security.root", keys(
                    "PayloadCertificateFileName", opt(Type.STRING),
                    // Here PayloadContent is the certificate itself, not an array of payloads.
                    "PayloadContent", req(Type.DATA)));

    private AppleSchema() {
    }

    /** The keys allowed in a payload of this type: its own and the common ones. */
    static Map<String, Key> payloadKeys(String payloadType) {
        Map<String, Key> own = PAYLOADS.get(payloadType);
        if (own == null) {
            throw new AssertionError("the schema table has no payload type " + payloadType);
        }
        Map<String, Key> all = new LinkedHashMap<>(COMMON);
        all.putAll(own);
        return all;
    }

    private static Key req(Type type, String... rangeList) {
        return new Key(type, true, List.of(rangeList));
    }

    private static Key opt(Type type, String... rangeList) {
        return new Key(type, false, List.of(rangeList));
    }

    private static Map<String, Key> keys(Object... pairs) {
        Map<String, Key> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Key) pairs[i + 1]);
        }
        return map;
    }
}
