/**
 * The use cases of the widgets: posting and moderating comments, voting, polls, reactions, idea boxes, date polls,
 * and the effective settings of pages. Each takes only the small store interface of {@code spi} it needs.
 */
package org.coquille.social;
