// Shows the entity card for the mark under the pointer or with the focus, and brings mentions into view.
const attached = new WeakMap();

export function attach(container, page) {
    let hideTimer;
    const markOf = (node) => node instanceof Element ? node.closest("mark.mention") : null;
    const show = (event) => {
        const mark = markOf(event.target);
        if (!mark) return;
        clearTimeout(hideTimer);
        const box = mark.getBoundingClientRect();
        page.invokeMethodAsync("ShowCard", Number(mark.dataset.start), box.left, box.bottom);
    };
    const hide = (event) => {
        const mark = markOf(event.target);
        if (!mark || mark.contains(event.relatedTarget)) return;
        clearTimeout(hideTimer);
        // A moment's grace lets the pointer travel from the mark onto the card.
        hideTimer = setTimeout(() => page.invokeMethodAsync("HideCard", false), 300);
    };
    const escape = (event) => {
        if (event.key === "Escape") page.invokeMethodAsync("HideCard", true);
    };
    const listeners = { mouseover: show, focusin: show, mouseout: hide, focusout: hide };
    for (const [name, listener] of Object.entries(listeners)) container.addEventListener(name, listener);
    document.addEventListener("keydown", escape);
    attached.set(container, { listeners, escape });
}

export function detach(container) {
    const state = attached.get(container);
    if (!state) return;
    for (const [name, listener] of Object.entries(state.listeners)) container.removeEventListener(name, listener);
    document.removeEventListener("keydown", state.escape);
    for (const [name, listener] of Object.entries(state.documentListeners ?? {})) document.removeEventListener(name, listener);
    attached.delete(container);
}

export function goTo(start) {
    const mark = document.getElementById(`mention-${start}`);
    if (!mark) return;
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    mark.classList.remove("flash");
    void mark.offsetWidth; // restart the animation
    mark.classList.add("flash");
    mark.focus({ preventScroll: true });
}

// A link such as /articles/1#mention-506 (from an entity page) lands on that mention.
export function goToLinkedMention() {
    const linked = /^#mention-(\d+)$/.exec(location.hash);
    if (linked) goTo(Number(linked[1]));
}

// Turns the reader's selection into offsets in the stored body: each paragraph carries the offset it
// starts at, and the text from there to a boundary is exactly that much of the body, marks or not.
function bodyOffset(node, offset) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const paragraph = element?.closest("p[data-start]");
    if (!paragraph) return null;
    const before = document.createRange();
    before.setStart(paragraph, 0);
    before.setEnd(node, offset);
    return Number(paragraph.dataset.start) + before.toString().length;
}

const editable = (element) => element instanceof Element && element.closest("input, textarea, select, [contenteditable]");

// Reports the reader's selection as body offsets, and gives the keyboard what the mouse has: Shift+arrows
// select from the focused mark (Ctrl for whole words), h highlights, c comments, Escape lets go; a click on
// highlighted text opens that highlight in the panel.
export function trackSelection(container, page) {
    const report = () => {
        const selection = getSelection();
        if (!selection.rangeCount || selection.isCollapsed) {
            page.invokeMethodAsync("SelectionCleared");
            return;
        }
        const range = selection.getRangeAt(0);
        let start = bodyOffset(range.startContainer, range.startOffset);
        let end = bodyOffset(range.endContainer, range.endOffset);
        if (start === null || end === null || !container.contains(range.commonAncestorContainer)) return;
        const text = range.toString();
        start += text.length - text.trimStart().length;
        end -= text.length - text.trimEnd().length;
        if (end <= start) return;
        const box = range.getBoundingClientRect();
        page.invokeMethodAsync("SelectionChanged", start, end, box.left, box.bottom);
    };
    const extend = (event) => {
        if (!event.shiftKey || !["ArrowLeft", "ArrowRight"].includes(event.key)) return;
        const selection = getSelection();
        if (!selection.rangeCount || selection.isCollapsed || !container.contains(selection.anchorNode)) {
            const from = document.activeElement && container.contains(document.activeElement)
                ? document.activeElement : container.querySelector("p[data-start]");
            selection.collapse(from, 0);
        }
        // Visual directions, so that in right-to-left text Shift+← reads on, as the reader expects.
        selection.modify("extend", event.key === "ArrowLeft" ? "left" : "right", event.ctrlKey ? "word" : "character");
        event.preventDefault();
    };
    const click = () => {
        const selection = getSelection();
        if (!selection.rangeCount || !selection.isCollapsed) return;
        const offset = bodyOffset(selection.anchorNode, selection.anchorOffset);
        if (offset !== null) page.invokeMethodAsync("OpenAnnotationAt", offset);
    };
    const shortcut = (event) => {
        if (event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) return;
        if (event.key === "Escape") {
            getSelection().removeAllRanges();
            page.invokeMethodAsync("Shortcut", "Escape");
            return;
        }
        const selection = getSelection();
        if (!["h", "c"].includes(event.key) || selection.isCollapsed || !container.contains(selection.anchorNode)) return;
        event.preventDefault();
        page.invokeMethodAsync("Shortcut", event.key);
    };
    // Touch selections grow by dragging handles, with no mouseup to say they are done: report once they settle.
    // A mouse drag reports on mouseup, so it is left alone while the button is down.
    let mouseDown = false, settle;
    const press = (event) => { mouseDown = event.pointerType === "mouse"; };
    const release = () => { mouseDown = false; };
    const changed = () => {
        const selection = getSelection();
        if (mouseDown || selection.isCollapsed || !container.contains(selection.anchorNode)) return;
        clearTimeout(settle);
        settle = setTimeout(report, 300);
    };
    container.addEventListener("mouseup", report);
    container.addEventListener("pointerdown", press);
    container.addEventListener("keydown", extend);
    container.addEventListener("keyup", (event) => { if (event.shiftKey || event.key === "Shift") report(); });
    container.addEventListener("click", click);
    // A comment being written is kept in the browser's storage at every keystroke, by this script that is
    // already running when the editor opens, so not even the first letters wait for anything.
    const keepDraft = (event) => {
        const box = event.target;
        if (!(box instanceof HTMLTextAreaElement) || !box.dataset.draftKey) return;
        if (box.value.trim()) {
            localStorage.setItem(box.dataset.draftKey, JSON.stringify({ comment: box.value, quote: box.dataset.draftQuote, savedAt: new Date().toISOString() }));
        } else {
            localStorage.removeItem(box.dataset.draftKey);
        }
    };
    const documentListeners = { keydown: shortcut, selectionchange: changed, pointerup: release, input: keepDraft };
    for (const [name, listener] of Object.entries(documentListeners)) document.addEventListener(name, listener);
    attached.get(container).documentListeners = documentListeners;
    container.dataset.tracking = "true";
}

export function clearSelection() {
    getSelection().removeAllRanges();
}

// Brings an annotation of the panel into view and gives it the focus.
export function reveal(id) {
    const item = document.getElementById(id);
    if (!item) return;
    item.scrollIntoView({ block: "nearest", behavior: "smooth" });
    item.focus({ preventScroll: true });
}

// Comments the browser kept because they were never saved (see AnnotationEditor.razor.js).
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

// Finds the text node and offset of a body offset: the paragraph that holds it, then its text nodes in order.
function domPoint(container, offset) {
    for (const paragraph of container.querySelectorAll("p[data-start]")) {
        const start = Number(paragraph.dataset.start), end = Number(paragraph.dataset.end);
        if (offset < start || offset > end) continue;
        let remaining = offset - start;
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode());) {
            if (remaining <= node.length) return { node, offset: remaining };
            remaining -= node.length;
        }
    }
    return null;
}

// Paints the reader's highlights with the CSS Custom Highlight API: nothing is added to the DOM, so marks,
// letter joining and selection offsets are untouched, and overlapping highlights simply blend.
export function paintHighlights(container, highlights) {
    if (!globalThis.CSS?.highlights) return;
    for (const name of [...CSS.highlights.keys()]) if (name.startsWith("annotation-")) CSS.highlights.delete(name);
    for (const { start, end, color } of highlights) {
        const from = domPoint(container, start), to = domPoint(container, end);
        if (!from || !to) continue;
        const range = new Range();
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
        const name = `annotation-${color}`;
        if (!CSS.highlights.has(name)) CSS.highlights.set(name, new Highlight());
        CSS.highlights.get(name).add(range);
    }
}

export function goToPassage(container, start, end) {
    const from = domPoint(container, start);
    if (!from) return;
    from.node.parentElement.scrollIntoView({ block: "center", behavior: "smooth" });
    const to = domPoint(container, end);
    if (!to) return;
    const range = new Range();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    CSS.highlights?.set("annotation-flash", new Highlight(range));
    setTimeout(() => CSS.highlights?.delete("annotation-flash"), 1600);
}
