package org.coquille.examples.oldwar;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The Tomcat 9 that {@link OldLibrariesWarIT} starts in a JVM of its own, whose class path holds Tomcat's jars and
 * this class only: it deploys the WAR named by its argument at {@code /intranet}, as Tomcat deploys a WAR dropped in
 * its {@code webapps} folder (expanded under {@code catalina.base}, its classes loaded from {@code WEB-INF}), prints
 * {@code STARTED <port> <state>}, and stops when its standard input closes. Its users log in with HTTP Basic:
 * alice and bruno are employees, edith an employee and Coquille editor; each one's password is their name.
 */
public final class TomcatOfItsOwn {

    private TomcatOfItsOwn() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(System.getProperty("catalina.base"));
        Files.createDirectories(base.resolve("webapps"));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setProperty("address", "127.0.0.1");
        connector.setPort(0);
        tomcat.setConnector(connector);
        for (String user : new String[] {"alice", "bruno", "edith"}) {
            tomcat.addUser(user, user);
            tomcat.addRole(user, "employee");
        }
        tomcat.addRole("edith", "coquille-editor");
        Context context = tomcat.addWebapp("/intranet", Path.of(args[0]).toAbsolutePath().toString());
        tomcat.start();
        System.out.println("STARTED " + connector.getLocalPort() + " " + context.getState());
        System.out.flush();
        while (System.in.read() != -1) {
            // until the test closes our standard input (or dies)
        }
        tomcat.stop();
        tomcat.destroy();
    }
}
