package org.mailautoconf.format.setuppage;

/**
 * Every sentence of the setup page in one language. Texts with {@code %s} get a provider name,
 * an address or a domain (plain text: the page's writer escapes it).
 */
record Messages(
        String title,
        String titleFor,
        String intro,
        String addressLabel,
        String addressHint,
        String submit,
        String invalid,
        String unknown,
        String resultHeading,
        String appleHeading,
        String appleDownload,
        String appleIos,
        String appleMac,
        String caInProfile,
        String caManual,
        String enableHeading,
        String manualHeading,
        String tableCaption,
        String colUse,
        String colProtocol,
        String colServer,
        String colPort,
        String colSecurity,
        String colLogin,
        String colAuthentication,
        String incoming,
        String outgoing,
        String securityNone,
        String authPassword,
        String authEncrypted,
        String authNone,
        String loginAsk,
        String docsHeading,
        String languageName) {

    static Messages of(Language language) {
        return language == Language.IT ? ITALIAN : ENGLISH;
    }

    private static final Messages ITALIAN = new Messages(
            "Configura la posta",
            "Configura la posta di %s",
            "Scrivi il tuo indirizzo e-mail: avrai il profilo per iPhone, iPad e Mac e le impostazioni"
                    + " per configurare qualsiasi altro programma di posta.",
            "Indirizzo e-mail",
            "Per esempio mario.rossi@example.org",
            "Mostra le impostazioni",
            "Questo non è un indirizzo e-mail valido: un indirizzo ha la forma nome@dominio.it.",
            "Non conosciamo le impostazioni di posta per %s.",
            "Impostazioni per %s",
            "iPhone, iPad e Mac",
            "Scarica il profilo di configurazione",
            "Su iPhone e iPad apri questa pagina con Safari o Chrome: solo loro passano il profilo a"
                    + " Impostazioni. Poi apri Impostazioni, tocca «Profilo scaricato» e installalo:"
                    + " ti chiederà la password della casella.",
            "Sul Mac apri il file scaricato, poi cerca «Profili» (o «Gestione dispositivi») in Impostazioni di Sistema e installalo.",
            "Il profilo installa anche il certificato principale di %s. Su iPhone e iPad, dopo"
                    + " l'installazione, attivalo in Impostazioni › Generali › Info › Impostazioni attendibilità certificati.",
            "I server di %s usano un proprio certificato principale: installalo prima di configurare la posta.",
            "Prima di iniziare",
            "Impostazioni per la configurazione manuale",
            "Server di posta di %s",
            "Uso",
            "Protocollo",
            "Server",
            "Porta",
            "Sicurezza",
            "Nome utente",
            "Autenticazione",
            "Posta in arrivo",
            "Posta in uscita",
            "Nessuna",
            "Password normale",
            "Password cifrata",
            "Nessuna",
            "Chiedilo al tuo fornitore di posta",
            "Guide del fornitore",
            "Italiano");

    private static final Messages ENGLISH = new Messages(
            "Set up your mail",
            "Set up your %s mail",
            "Type your e-mail address to get the profile for iPhone, iPad and Mac and the settings"
                    + " for any other mail app.",
            "E-mail address",
            "For example mario.rossi@example.org",
            "Show the settings",
            "This is not a valid e-mail address: an address looks like name@example.org.",
            "We do not know the mail settings for %s.",
            "Settings for %s",
            "iPhone, iPad and Mac",
            "Download the configuration profile",
            "On iPhone and iPad open this page in Safari or Chrome: only they hand the profile to"
                    + " Settings. Then open Settings, tap “Profile Downloaded” and install it:"
                    + " it asks for your mailbox password.",
            "On a Mac open the downloaded file, then find “Profiles” (or “Device Management”) in System Settings and install it.",
            "The profile also installs the root certificate of %s. On iPhone and iPad, after installing,"
                    + " turn on full trust for it in Settings › General › About › Certificate Trust Settings.",
            "The servers of %s use their own root certificate: install it before setting up mail.",
            "Before you start",
            "Settings for manual setup",
            "Mail servers of %s",
            "Use",
            "Protocol",
            "Server",
            "Port",
            "Security",
            "User name",
            "Authentication",
            "Incoming mail",
            "Outgoing mail",
            "None",
            "Normal password",
            "Encrypted password",
            "None",
            "Ask your mail provider",
            "The provider's guides",
            "English");
}
