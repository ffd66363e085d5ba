package org.coquille.containers;

/** A web application a container runs for the suite, at {@code /intranet}. */
public interface WebApp extends AutoCloseable {

    /** Its address, such as {@code http://127.0.0.1:41234/intranet}, without a final slash. */
    String base();

    /** Stops the container. */
    @Override
    void close() throws Exception;

    static WebApp of(String base, AutoCloseable stop) {
        return new WebApp() {
            @Override
            public String base() {
                return base;
            }

            @Override
            public void close() throws Exception {
                stop.close();
            }
        };
    }
}
