package org.coquille.spi;

/** The directory could not be asked; Coquille shows user ids until it answers again. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
