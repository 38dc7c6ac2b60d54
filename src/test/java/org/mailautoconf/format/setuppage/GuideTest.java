package org.mailautoconf.format.setuppage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuideTest {

    /** User agents as the browsers and apps send them (each platform's current versions). */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | IPHONE",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1 | IPHONE",
        "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1 | IPHONE",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15 | MAC",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | MAC",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.5.2 | THUNDERBIRD",
        "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.16.0 | THUNDERBIRD",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0 | THUNDERBIRD",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 | THUNDERBIRD",
        "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro) | OUTLOOK",
        "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) | OUTLOOK",
        "MacOutlook/16.89.24091630 (Intelx64 Mac OS X 14.6.1 (Build 23G93)) | OUTLOOK",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0 | OUTLOOK",
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 | GMAIL",
        "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S928B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36 | SAMSUNG",
        "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/112.0.0.0 Mobile Safari/537.36 | SAMSUNG",
        "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0 | THUNDERBIRD_ANDROID",
    })
    void fromUserAgent_realBrowsersAndApps(String userAgent, Guide expected) {
        assertThat(Guide.choose(Optional.empty(), Optional.of(userAgent))).hasValue(expected);
    }

    @Test
    void fromUserAgent_noPlatform_noGuide() {
        assertThat(Guide.choose(Optional.empty(), Optional.of("curl/8.5.0"))).isEmpty();
        assertThat(Guide.choose(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void choose_explicitApp_winsOverUserAgent() {
        String iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assertThat(Guide.choose(Optional.of("fairemail"), Optional.of(iphone))).hasValue(Guide.FAIREMAIL);
        assertThat(Guide.choose(Optional.of("Thunderbird-Android"), Optional.empty())).hasValue(Guide.THUNDERBIRD_ANDROID);
        assertThat(Guide.choose(Optional.of("<script>"), Optional.of(iphone))).as("unknown app: the user agent").hasValue(Guide.IPHONE);
    }
}
