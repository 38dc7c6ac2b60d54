package org.mailautoconf.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.mailautoconf.ProfileSigning;
import org.mailautoconf.SigningLimits;
import picocli.CommandLine.Option;

/** Where the key material that signs Apple profiles is; none given: profiles go out unsigned. */
final class SigningOptions {

    @Option(names = "--sign-cert", paramLabel = "PEM", defaultValue = "${env:MAILAUTOCONF_SIGN_CERT}",
            description = "PEM certificate that signs Apple profiles; may be followed by its chain (env MAILAUTOCONF_SIGN_CERT).")
    String certificate;

    @Option(names = "--sign-key", paramLabel = "PEM", defaultValue = "${env:MAILAUTOCONF_SIGN_KEY}",
            description = "Unencrypted PEM private key of the signing certificate (env MAILAUTOCONF_SIGN_KEY).")
    String key;

    @Option(names = "--sign-chain", paramLabel = "PEM", defaultValue = "${env:MAILAUTOCONF_SIGN_CHAIN}",
            description = "PEM intermediate certificates sent with the signature (env MAILAUTOCONF_SIGN_CHAIN; optional).")
    String chain;

    @Option(names = "--sign-threads", paramLabel = "N", defaultValue = "${env:MAILAUTOCONF_SIGN_THREADS:-0}",
            description = "Threads that sign profiles; 0: half the cores, at least one (env MAILAUTOCONF_SIGN_THREADS; default: 0).")
    int threads;

    @Option(names = "--sign-queue", paramLabel = "N", defaultValue = "${env:MAILAUTOCONF_SIGN_QUEUE:-" + SigningLimits.DEFAULT_QUEUE + "}",
            description = "Profiles that may wait to be signed; more are answered 503 (env MAILAUTOCONF_SIGN_QUEUE; default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--client-work-per-minute", paramLabel = "N",
            defaultValue = "${env:MAILAUTOCONF_CLIENT_WORK_PER_MINUTE:-" + SigningLimits.DEFAULT_CLIENT_PER_MINUTE + "}",
            description = "Uncached expensive requests (profiles to sign) one client address may make a minute; more are answered 429; "
                    + "0: no limit (env MAILAUTOCONF_CLIENT_WORK_PER_MINUTE; default: ${DEFAULT-VALUE}).")
    int clientPerMinute;

    @Option(names = "--client-work-burst", paramLabel = "N",
            defaultValue = "${env:MAILAUTOCONF_CLIENT_WORK_BURST:-" + SigningLimits.DEFAULT_CLIENT_BURST + "}",
            description = "How many of those one client may make at once (env MAILAUTOCONF_CLIENT_WORK_BURST; default: ${DEFAULT-VALUE}).")
    int clientBurst;

    @Option(names = "--sign-rate", paramLabel = "N", defaultValue = "${env:MAILAUTOCONF_SIGN_RATE:-" + SigningLimits.DEFAULT_PER_SECOND + "}",
            description = "Profiles the service may sign a second, all clients together; more are answered 503 "
                    + "(a flood from many addresses); 0: no cap (env MAILAUTOCONF_SIGN_RATE; default: ${DEFAULT-VALUE}).")
    int perSecond;

    /**
     * @throws IllegalArgumentException when only some of the files are named
     */
    Optional<ProfileSigning> signing() {
        Optional<Path> cert = path(certificate);
        Optional<Path> privateKey = path(key);
        Optional<Path> chainFile = path(chain);
        if (cert.isEmpty() && privateKey.isEmpty()) {
            if (chainFile.isPresent()) {
                throw new IllegalArgumentException("--sign-chain needs --sign-cert and --sign-key");
            }
            return Optional.empty();
        }
        if (cert.isEmpty() || privateKey.isEmpty()) {
            throw new IllegalArgumentException("--sign-cert and --sign-key go together (or MAILAUTOCONF_SIGN_CERT and MAILAUTOCONF_SIGN_KEY)");
        }
        return Optional.of(new ProfileSigning(cert.get(), privateKey.get(), chainFile));
    }

    /**
     * @throws IllegalArgumentException naming the option whose value is wrong
     */
    SigningLimits limits() {
        if (threads < 0) {
            throw new IllegalArgumentException("--sign-threads must be 0 (half the cores) or more, was " + threads);
        }
        int signers = threads == 0 ? SigningLimits.defaultThreads(Runtime.getRuntime().availableProcessors()) : threads;
        return new SigningLimits(signers, queue, clientPerMinute, clientBurst, perSecond);
    }

    private static Optional<Path> path(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(Path::of);
    }
}
