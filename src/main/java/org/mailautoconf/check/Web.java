package org.mailautoconf.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One HTTP/1.1 exchange per connection, spoken here over a plain or TLS socket. Written by hand
 * because {@code --connect} must send the connection to one address while SNI, the certificate
 * check and the Host header keep the URL's name: java.net.http cannot take an address apart
 * from the name, and Vert.x is kept out of everything but {@code serve}. TLS is the JDK's, with
 * full validation (chain, dates, and the name through the "HTTPS" endpoint identification).
 */
public final class Web {

    /** The exchange: an answer, or the reason there was none; {@code resolution} as DNS gave it. */
    public record Fetch(URI uri, Dns.Resolution resolution, Optional<HttpAnswer> answer, Optional<WebFailure> failure) {}

    private static final int MAX_BODY = 1 << 20;

    private final Dns dns;
    private final CheckSettings settings;
    private final X509TrustManager trust;

    public Web(Dns dns, CheckSettings settings) {
        this.dns = dns;
        this.settings = settings;
        this.trust = TrustAnchors.load(settings.ca());
    }

    public Fetch fetch(String method, URI uri, Map<String, String> headers, byte[] body) throws Dns.Unreachable {
        String host = uri.getHost();
        Dns.Resolution resolution = dns.resolve(host);
        if (!resolution.resolves()) {
            return new Fetch(uri, resolution, Optional.empty(), Optional.of(new WebFailure(WebFailure.Kind.NAME, resolution.problem(), "")));
        }
        boolean tls = uri.getScheme().equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        InetSocketAddress target = settings.connectFor(uri.getScheme())
                .map(a -> new InetSocketAddress(a.getHostString(), a.getPort()))
                .orElseGet(() -> new InetSocketAddress(resolution.addresses().get(0), port));
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        RecordingTrust recording = new RecordingTrust(trust);
        try (Socket plain = new Socket()) {
            plain.connect(target, millis(deadline));
            Socket socket = plain;
            if (tls) {
                socket = handshake(plain, host, port, recording, deadline);
            }
            socket.setSoTimeout(millis(deadline));
            write(socket.getOutputStream(), method, uri, host, headers, body);
            HttpAnswer answer = HttpReading.read(socket.getInputStream(), deadline, MAX_BODY,
                    Optional.ofNullable(recording.chain()).map(c -> c[0]));
            return new Fetch(uri, resolution, Optional.of(answer), Optional.empty());
        } catch (SSLException e) {
            return failed(uri, resolution, TlsFailure.explain(host, recording.chain(), e, Instant.now()));
        } catch (SocketTimeoutException e) {
            return failed(uri, resolution, new WebFailure(WebFailure.Kind.TIMEOUT, uri.getScheme() + "://" + host + " (at " + where(target)
                    + ") gave no answer within " + settings.timeout().toSeconds() + " s", "make " + host + " answer on port " + port));
        } catch (IOException e) {
            return failed(uri, resolution, new WebFailure(e instanceof HttpReading.Malformed ? WebFailure.Kind.HTTP : WebFailure.Kind.CONNECT,
                    uri.getScheme() + "://" + host + " (at " + where(target) + "): " + e.getMessage(),
                    "make " + host + " answer " + uri.getScheme() + " on port " + port));
        }
    }

    private static Fetch failed(URI uri, Dns.Resolution resolution, WebFailure failure) {
        return new Fetch(uri, resolution, Optional.empty(), Optional.of(failure));
    }

    private SSLSocket handshake(Socket plain, String host, int port, RecordingTrust recording, long deadline) throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recording}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM offers no TLS", e);
        }
        // The socket factory sends the host as SNI; the HTTPS identification checks the certificate against it.
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.setSoTimeout(millis(deadline));
        s.startHandshake();
        return s;
    }

    private static void write(OutputStream out, String method, URI uri, String host, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder();
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(uri.getPort() > 0 ? ":" + uri.getPort() : "").append("\r\n");
        head.append("User-Agent: mailautoconf-check\r\nConnection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body.length > 0 || method.equals("POST")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        all.writeBytes(body);
        out.write(all.toByteArray());
        out.flush();
    }

    static int millis(long deadline) throws SocketTimeoutException {
        long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static String where(InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }

    /** Keeps the chain the server sent, so a refusal can say what the certificate names. */
    private static final class RecordingTrust extends javax.net.ssl.X509ExtendedTrustManager {
        private final javax.net.ssl.X509ExtendedTrustManager delegate;
        private volatile X509Certificate[] chain;

        RecordingTrust(X509TrustManager delegate) {
            this.delegate = (javax.net.ssl.X509ExtendedTrustManager) delegate;
        }

        X509Certificate[] chain() {
            return chain;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket) throws java.security.cert.CertificateException {
            chain = c;
            delegate.checkServerTrusted(c, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, javax.net.ssl.SSLEngine engine)
                throws java.security.cert.CertificateException {
            chain = c;
            delegate.checkServerTrusted(c, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType) throws java.security.cert.CertificateException {
            chain = c;
            delegate.checkServerTrusted(c, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, Socket s) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("the check is a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a, javax.net.ssl.SSLEngine e) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("the check is a client only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String a) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("the check is a client only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
