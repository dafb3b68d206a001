// The comment being written is kept in the browser's storage by the reader page's drafts module (wwwroot/js/reader/drafts.js),
// from the textarea's data-draft-key; this module forgets the draft once saved.

export function forget(key) {
    localStorage.removeItem(key);
}

// Enter and comma in the tag field end a tag rather than submit the form or type a comma; the component adds the chip.
export function chipOnEnter(tags) {
    tags.addEventListener("keydown", (event) => {
        if (event.target instanceof HTMLInputElement && (event.key === "Enter" || event.key === ",")) event.preventDefault();
    });
}
