package org.coquille.internal.web;

/** A request Coquille cannot read at all (missing or malformed field); the message names the field. */
final class BadRequest extends RuntimeException {

    BadRequest(String message) {
        super(message);
    }
}
