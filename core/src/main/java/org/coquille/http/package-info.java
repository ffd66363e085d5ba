/**
 * For adapter writers: the container-neutral request and response that core's router and page
 * decoration work on. The servlet and portlet adapters map their containers' types onto these.
 */
package org.coquille.http;
