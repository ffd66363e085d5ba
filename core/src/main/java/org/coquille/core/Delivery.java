package org.coquille.core;

/** How a person wants their notifications: each at once, one daily digest, or none. */
public enum Delivery {
    IMMEDIATE, DAILY, NONE
}
