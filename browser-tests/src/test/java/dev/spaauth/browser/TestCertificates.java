package dev.spaauth.browser;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway CA and one server certificate (for every host name of the suite), made at test time
 * and written as PEM files for nginx. Nothing is added to any trust store: Chromium is told to
 * accept exactly this server key ({@link #spkiSha256()}).
 */
record TestCertificates(Path certificateChain, Path privateKey, Path caCertificate, String spkiSha256) {

	static TestCertificates create(Path directory, List<String> hostNames) {
		try {
			Files.createDirectories(directory);
			SecureRandom random = new SecureRandom();
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), random);
			KeyPair caKeys = generator.generateKeyPair();
			KeyPair serverKeys = generator.generateKeyPair();
			Date notBefore = Date.from(Instant.now().minus(Duration.ofDays(1)));
			Date notAfter = Date.from(Instant.now().plus(Duration.ofDays(7)));
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

			X500Name caName = new X500Name("CN=spa-auth browser suite throwaway CA");
			X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, new BigInteger(64, random).abs(),
					notBefore, notAfter, caName, caKeys.getPublic());
			ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
			ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			ca.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
			X509Certificate caCertificate = sign(ca, caKeys);

			X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caName,
					new BigInteger(64, random).abs(), notBefore, notAfter, new X500Name("CN=" + hostNames.get(0)),
					serverKeys.getPublic());
			server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			server.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			server.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
			server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(hostNames.stream()
				.map((name) -> new GeneralName(GeneralName.dNSName, name))
				.toArray(GeneralName[]::new)));
			server.addExtension(Extension.authorityKeyIdentifier, false,
					extensions.createAuthorityKeyIdentifier(caCertificate));
			X509Certificate serverCertificate = sign(server, caKeys);

			Path chain = directory.resolve("server-chain.pem");
			Path key = directory.resolve("server.key");
			Path caFile = directory.resolve("ca.pem");
			writePem(chain, serverCertificate, caCertificate);
			// PKCS #8 as the JDK encodes it (JcaPEMWriter's form of a JDK EC key is not one OpenSSL 3 reads).
			Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(serverKeys.getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n");
			writePem(caFile, caCertificate);
			String spki = Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(serverKeys.getPublic().getEncoded()));
			return new TestCertificates(chain, key, caFile, spki);
		}
		catch (IOException | GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Could not make the suite's TLS certificates", ex);
		}
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
			throws OperatorCreationException, GeneralSecurityException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
	}

	private static void writePem(Path file, Object... objects) throws IOException {
		try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
			for (Object object : objects) {
				pem.writeObject(object);
			}
		}
	}

}
