package org.mailautoconf.check;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One GET of a config-v1.1.xml URL, judged as Thunderbird or Thunderbird for Android would. */
final class AutoconfigStep {

    /** XMLHttpRequest and OkHttp follow redirects; a few are enough for any sane deployment. */
    private static final int MAX_REDIRECTS = 3;

    private AutoconfigStep() {
    }

    static URI url(String scheme, String host, String path, Optional<String> address) {
        return URI.create(scheme + "://" + host + path + address.map(a -> "?emailaddress=" + Probe.urlEncoded(a)).orElse(""));
    }

    static StepResult run(Probe p, Client client, String step, URI uri) throws Dns.Unreachable {
        String asked = p.asked("GET", uri);
        Web.Fetch fetch = p.get(uri);
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < MAX_REDIRECTS && fetch.answer().isPresent() && isRedirect(fetch.answer().get().status()); i++) {
            URI next = uri.resolve(fetch.answer().get().header("location").orElse(""));
            notes.add("redirected to " + p.asked("GET", next).substring(4));
            uri = next;
            fetch = p.get(uri);
        }
        Optional<StepResult> unusable = p.unusable(client, step, asked, fetch, notes);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        HttpAnswer answer = fetch.answer().get();
        AutoconfigReading.Read read = AutoconfigReading.read(answer, p.address);
        List<String> refuses = client == Client.THUNDERBIRD_ANDROID ? read.androidRefuses() : read.desktopRefuses();
        notes.addAll(p.notes(uri, answer));
        if (!refuses.isEmpty()) {
            boolean missing = answer.status() == 404;
            Optional<String> fix = Optional.of(missing ? "serve mailautoconf's answer at " + uri.getScheme() + "://" + uri.getHost()
                    + uri.getPath() + " (or leave this optional URL alone: clients try the next)"
                    : "make the answer one " + client.title() + " reads: " + String.join("; ", refuses));
            return p.report(new StepResult(client.title(), step, asked, answer.summary() + ": " + String.join("; ", refuses), false,
                    Optional.empty(), fix, notes));
        }
        Optional<String> difference = read.settings().differenceFrom(p.expected.autoconfig());
        String host = uri.getHost();
        return p.report(new StepResult(client.title(), step, asked, answer.summary(), true, Optional.of(difference.isEmpty()),
                p.redeploy(difference, host), notes));
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
