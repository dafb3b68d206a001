// Reports the reader's selection as body offsets, and gives the keyboard what the mouse has: Shift+arrows select from
// the focused mark (Ctrl for whole words), h highlights, c comments, Escape lets go; a click on highlighted text opens
// that highlight in the panel. Touch selections are reported once their handles settle.
import { bodyOffset, listen } from "./body_offsets.js";

const editable = (element) => element instanceof Element && element.closest("input, textarea, select, [contenteditable]");

export function attach(container, page) {
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
    const shiftReleased = (event) => { if (event.shiftKey || event.key === "Shift") report(); };
    const stopContainer = listen(container, { mouseup: report, pointerdown: press, keydown: extend, keyup: shiftReleased, click });
    const stopDocument = listen(document, { keydown: shortcut, selectionchange: changed, pointerup: release });
    return () => {
        clearTimeout(settle);
        stopContainer();
        stopDocument();
    };
}

export function clearSelection() {
    getSelection().removeAllRanges();
}
