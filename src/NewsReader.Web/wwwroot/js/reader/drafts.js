// A comment being written is kept in the browser's storage at every keystroke, by this module, which is already
// listening when the editor opens, so not even the first letters wait for anything. Keys name the reader, the article
// and the annotation or passage (CommentDraft.cs); signing out clears them all.
import { listen } from "./body_offsets.js";

export function attach() {
    const keep = (event) => {
        const box = event.target;
        if (!(box instanceof HTMLTextAreaElement) || !box.dataset.draftKey) return;
        if (box.value.trim()) {
            localStorage.setItem(box.dataset.draftKey, JSON.stringify({ comment: box.value, quote: box.dataset.draftQuote, savedAt: new Date().toISOString() }));
        } else {
            localStorage.removeItem(box.dataset.draftKey);
        }
    };
    return listen(document, { input: keep });
}

// The comments kept under a prefix because they were never saved.
export function savedDrafts(prefix) {
    const drafts = [];
    for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (!key.startsWith(prefix)) continue;
        try {
            const { comment, quote, savedAt } = JSON.parse(localStorage.getItem(key));
            if (typeof comment === "string" && comment.trim()) drafts.push({ key, comment, quote: quote ?? null, savedAt });
        } catch {
            localStorage.removeItem(key);
        }
    }
    return drafts;
}

export function forgetDraft(key) {
    localStorage.removeItem(key);
}
