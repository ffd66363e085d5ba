package org.coquille.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The javax jar runs on Servlet 3.0 containers (Tomcat 7, JBoss EAP 6, WebSphere 8.5, WebLogic 12.1): it is compiled
 * against Servlet 3.1, so this reads its bytecode and checks that every javax.servlet class it names and every method
 * it calls is in the Servlet 3.0 API. (The 3.1 methods it declares, ServletOutputStream's isReady and
 * setWriteListener, are only ever called by a 3.1 container.)
 */
class ServletApiLevelTest {

    private static final Pattern CALL = Pattern.compile("// (?:Interface)?Method (javax/servlet/[\\w/$]+)\\.([\\w<>\"]+):(\\S+)");
    private static final Pattern CLASS = Pattern.compile("// class (javax/servlet/[\\w/$]+)");

    @Test
    void callsNothingBeyondServlet30() throws Exception {
        String bytecode = disassembled(Path.of(System.getProperty("coquille.test.classes")));
        assertThat(bytecode).as("the classes were read").contains("org.coquille.servlet.CoquilleFilter");
        List<String> missing = new ArrayList<>();
        TreeSet<String> checked = new TreeSet<>();
        try (URLClassLoader servlet30 = new URLClassLoader(
                new URL[] {Path.of(System.getProperty("coquille.test.servlet30")).toUri().toURL()}, null)) {
            Matcher calls = CALL.matcher(bytecode);
            while (calls.find()) {
                String owner = calls.group(1).replace('/', '.');
                String name = calls.group(2).replace("\"", "");
                String descriptor = calls.group(3);
                if (checked.add(owner + "." + name + descriptor) && !has(servlet30, owner, name, descriptor)) {
                    missing.add(owner + "." + name + descriptor);
                }
            }
            Matcher classes = CLASS.matcher(bytecode);
            while (classes.find()) {
                String type = classes.group(1).replace('/', '.');
                if (checked.add(type) && load(servlet30, type) == null) {
                    missing.add(type);
                }
            }
        }
        assertThat(checked).as("javax.servlet calls found").isNotEmpty();
        assertThat(missing).as("javax.servlet calls that Servlet 3.0 lacks").isEmpty();
    }

    private static boolean has(ClassLoader api, String owner, String name, String descriptor) {
        Class<?> type = load(api, owner);
        if (type == null) {
            return false;
        }
        if (name.equals("<init>")) {
            return Stream.of(type.getDeclaredConstructors()).anyMatch(c ->
                    MethodType.methodType(void.class, c.getParameterTypes()).toMethodDescriptorString().equals(descriptor));
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (declares(c, name, descriptor)) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (declaresAnywhere(i, name, descriptor)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean declaresAnywhere(Class<?> type, String name, String descriptor) {
        return declares(type, name, descriptor)
                || Stream.of(type.getInterfaces()).anyMatch(i -> declaresAnywhere(i, name, descriptor));
    }

    private static boolean declares(Class<?> type, String name, String descriptor) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(name) && MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                    .toMethodDescriptorString().equals(descriptor)) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> load(ClassLoader api, String name) {
        try {
            return Class.forName(name, false, api);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** {@code javap -c -p} of every class under {@code classes}. */
    private static String disassembled(Path classes) throws IOException {
        List<String> args = new ArrayList<>(List.of("-c", "-p"));
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> args.add(f.toString()));
        }
        StringWriter out = new StringWriter();
        int status = ToolProvider.findFirst("javap").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));
        assertThat(status).as(out.toString()).isZero();
        return out.toString();
    }
}
