// Keeps the comment being written in the browser's storage as the reader types, without a round trip to
// the server: if the connection drops or the page is reloaded before Save, the reader page offers it again.
export function keep(textarea, key, quote) {
    const store = () => {
        if (textarea.value.trim()) {
            localStorage.setItem(key, JSON.stringify({ comment: textarea.value, quote, savedAt: new Date().toISOString() }));
        } else {
            localStorage.removeItem(key);
        }
    };
    textarea.addEventListener("input", store);
    store();
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
