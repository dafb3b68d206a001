// The comment being written is kept in the browser's storage by the reader page's drafts module (wwwroot/js/reader/drafts.js),
// from the textarea's data-draft-key; this module focuses it and forgets the draft once saved.
export function focus(textarea) {
    textarea.focus();
}

export function forget(key) {
    localStorage.removeItem(key);
}

// Enter and comma end a tag rather than submit the form or type a comma; the component adds the chip.
export function chipOnEnter(input) {
    input.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === ",") event.preventDefault();
    });
}
