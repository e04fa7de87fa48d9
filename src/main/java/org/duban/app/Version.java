package org.duban.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The program's version, from the pom (filtered into {@code org/duban/version.properties}). */
public final class Version {
    private Version() {
    }

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/org/duban/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
