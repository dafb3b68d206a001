// The comment being written is kept in the browser's storage by the reader page's drafts module (wwwroot/js/reader/drafts.js),
// from the textarea's data-draft-key; this module forgets the draft once saved.

export function forget(key) {
    localStorage.removeItem(key);
}
