package org.coquille.examples.browser;

/** The editor's first tasks in the console, in English. */
class EditorPageTasksInEnglishIT extends EditorPageTasks {

    @Override
    Words words() {
        return new Words(Chromium.Profile.ENGLISH, "Set up the page", "understood as",
                "Saved. The change shows on the next page view.", "2 known pages", "3 known pages", "Thumbs up or down",
                "The poll widget is off on", "Turn it on for this page", "The poll widget is now on for",
                "one person has answered", "Moderation", "Approve", "waiting", "visible", "Back to the intranet");
    }
}
