package org.coquille.internal.console;

/** An option of a select: the value posted and its label. */
record Choice(String value, String label) { }
