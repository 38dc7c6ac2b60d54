package org.mailautoconf.answer;

/** The answers the service gives, one per client format. Also the bounded label of metrics. */
public enum ClientFormat {
    AUTOCONFIG("autoconfig"),
    MOBILECONFIG("mobileconfig"),
    /** An Apple profile in a CMS signature: signed once per address, then cached. */
    MOBILECONFIG_SIGNED("mobileconfig_signed"),
    /** Autodiscover POX, Outlook response schema 2006a. */
    AUTODISCOVER_OUTLOOK("autodiscover-outlook"),
    /** Autodiscover POX, ActiveSync (mobilesync) response schema 2006. */
    AUTODISCOVER_MOBILESYNC("autodiscover-mobilesync");

    private final String label;

    ClientFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
