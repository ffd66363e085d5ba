/**
 * The model: pages and their settings, comments, votes, polls, reactions, ideas, date polls, and the activity
 * figures of the usage report, with their rules and messages. It depends on no other package of Coquille but the
 * placement of {@code inject}.
 */
package org.coquille.core;
