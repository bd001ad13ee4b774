package io.shequn.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The development JWT key pair. It is generated on first use into the local data folder (or a
 * test's temporary folder) and never committed, so no production configuration can trust it.
 */
public final class DevKeys {

    public static final String ISSUER = "https://shequn.local/dev";

    private final Path publicKey;
    private final Path privateKey;

    private DevKeys(Path dir) {
        this.publicKey = dir.resolve("dev-jwt-public.pem");
        this.privateKey = dir.resolve("dev-jwt-private.pem");
    }

    /** The key pair in {@code dir}, created if absent. */
    public static DevKeys in(Path dir) {
        DevKeys keys = new DevKeys(dir);
        if (!Files.exists(keys.privateKey) || !Files.exists(keys.publicKey)) {
            keys.generate();
        }
        return keys;
    }

    public Path publicKeyFile() {
        return publicKey;
    }

    public Path privateKeyFile() {
        return privateKey;
    }

    public PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKey)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable development key " + privateKey, e);
        }
    }

    private void generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(privateKey.getParent());
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
