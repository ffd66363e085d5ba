package org.coquille.examples.browser;

/** The editor's first tasks in the console, in French. */
class EditorPageTasksInFrenchIT extends EditorPageTasks {

    @Override
    Words words() {
        return new Words(Chromium.Profile.FRENCH, "Configurer la page", "compris comme",
                "Enregistré. Le changement se voit dès le prochain affichage de la page.", "2 pages connues",
                "3 pages connues", "Pouce levé ou baissé", "Le widget sondage est inactif sur", "L'activer pour cette page",
                "Le widget sondage est maintenant actif sur", "une personne a répondu", "Modération", "Approuver",
                "en attente", "visible", "Retour à l'intranet");
    }
}
