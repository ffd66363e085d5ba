package org.coquille.examples.oldwar;

import java.io.File;

import javax.servlet.ServletContext;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;

/** Opens the staff directory when the web application starts, in a file of the container's work folder. */
public final class IntranetStartup implements ServletContextListener {

    static final String DIRECTORY = Directory.class.getName();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        File folder = (File) context.getAttribute(ServletContext.TEMPDIR);
        String file = new File(folder, "annuaire").getAbsolutePath().replace('\\', '/');
        context.setAttribute(DIRECTORY, Directory.open("jdbc:h2:" + file));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        event.getServletContext().removeAttribute(DIRECTORY);
    }

    static Directory directory(ServletContext context) {
        return (Directory) context.getAttribute(DIRECTORY);
    }
}
