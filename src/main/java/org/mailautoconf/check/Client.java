package org.mailautoconf.check;

/** The clients whose discovery the check replays (docs/dns.md has each one's order and its source). */
public enum Client {
    THUNDERBIRD("Thunderbird"),
    THUNDERBIRD_ANDROID("Thunderbird for Android"),
    OUTLOOK("Outlook"),
    AUTODETECT("Microsoft AutoDetect (Outlook 2016+, Outlook mobile)"),
    APPLE("Apple devices"),
    RFC6186("RFC 6186 clients (FairEmail, Evolution, aerc)"),
    PACC("PACC clients (Evolution, pimalaya)");

    private final String title;

    Client(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
