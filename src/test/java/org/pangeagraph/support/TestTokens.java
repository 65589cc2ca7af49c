package org.pangeagraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Bearer tokens as an identity provider would issue them, signed with the test-only key whose public
 * half the test profile configures as the resource server's key.
 */
public final class TestTokens {

    private static final NimbusJwtEncoder ENCODER = encoder("security/test-only-token-signing-key.pem");

    private TestTokens() {
    }

    /** A token valid for an hour with these claims (and subject {@code sub}). */
    public static String token(String subject, Map<String, Object> claims) {
        return token(subject, claims, Instant.now().plusSeconds(3600));
    }

    public static String token(String subject, Map<String, Object> claims, Instant expiresAt) {
        JwtClaimsSet.Builder set = JwtClaimsSet.builder().subject(subject).issuedAt(expiresAt.minusSeconds(3600))
            .expiresAt(expiresAt);
        claims.forEach(set::claim);
        return ENCODER.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), set.build()))
            .getTokenValue();
    }

    /** A token signed with another key than the one the application trusts. */
    public static String forgedToken(String subject, Map<String, Object> claims) {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate()).build();
            JwtClaimsSet.Builder set = JwtClaimsSet.builder().subject(subject).expiresAt(Instant.now().plusSeconds(3600));
            claims.forEach(set::claim);
            return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), set.build())).getTokenValue();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static NimbusJwtEncoder encoder(String privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateKey key = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(privateKey)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pem(privateKey.replace(".pem", ".pub.pem"))));
            return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder(publicKey).privateKey(key).build())));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] pem(String resource) {
        try {
            String text = new ClassPathResource(resource).getContentAsString(StandardCharsets.US_ASCII);
            return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
