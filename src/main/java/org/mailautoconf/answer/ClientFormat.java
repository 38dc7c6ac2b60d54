package org.mailautoconf.answer;

/** The answers the service gives, one per client format. Also the bounded label of metrics. */
public enum ClientFormat {
    AUTOCONFIG("autoconfig"),
    /** Autoconfig asked for as version 1.2 ({@code ?version=1.2}): SASL mechanisms on the mail servers too. */
    AUTOCONFIG_12("autoconfig-1.2"),
    MOBILECONFIG("mobileconfig"),
    /** An Apple profile in a CMS signature: signed once per address, then cached. */
    MOBILECONFIG_SIGNED("mobileconfig_signed"),
    /** PACC's JSON document (draft-ietf-mailmaint-pacc), one per domain. */
    PACC("pacc"),
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
