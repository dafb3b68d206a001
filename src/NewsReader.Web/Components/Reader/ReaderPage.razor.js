// The reader page's script, one module per concern (wwwroot/js/reader): the entity cards, the selection, the drafts
// and the highlights. attach starts them; detach stops each, removing every listener it added.
import * as cards from "../../js/reader/mention_cards.js";
import * as selection from "../../js/reader/selection_handler.js";
import * as drafts from "../../js/reader/drafts.js";
import * as highlights from "../../js/reader/highlights.js";

const attached = new WeakMap();

export function attach(container, page) {
    attached.set(container, [cards.attach(container, page), selection.attach(container, page), drafts.attach(), highlights.clear]);
    container.dataset.tracking = "true";
}

export function detach(container) {
    for (const stop of attached.get(container) ?? []) stop();
    attached.delete(container);
}

export const { goTo, goToLinkedMention } = cards;
export const { clearSelection } = selection;
export const { savedDrafts, forgetDraft } = drafts;
export const { paintHighlights, goToPassage, reveal } = highlights;
