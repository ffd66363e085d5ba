package org.coquille.internal.page;

/**
 * Links to a page of this intranet built from its page id (or its own path): they stay on this host whatever the
 * id holds. At the root context, a page id {@code //other.example/x} would otherwise be a link to another host
 * (a network-path reference), and a browser reads {@code /\other.example} the same way.
 */
public final class PageLinks {

    private PageLinks() {
    }

    /**
     * The {@code href} of the page {@code pathAndQuery} (starting with {@code /}) under {@code contextPath}: a
     * backslash is percent-encoded, and a link that would start with {@code //} starts with {@code /.//} instead,
     * which a browser resolves to the same path on this host.
     */
    public static String href(String contextPath, String pathAndQuery) {
        String href = contextPath + pathAndQuery.replace("\\", "%5C");
        return href.startsWith("//") ? "/." + href : href;
    }
}
