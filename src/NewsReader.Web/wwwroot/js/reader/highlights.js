// Paints the reader's highlights with the CSS Custom Highlight API: nothing is added to the DOM, so marks, letter
// joining and selection offsets are untouched, and overlapping highlights simply blend.
import { domPoint } from "./body_offsets.js";

export function paintHighlights(container, highlights) {
    if (!globalThis.CSS?.highlights) return;
    clear();
    for (const { start, end, color } of highlights) {
        const range = rangeOf(container, start, end);
        if (!range) continue;
        const name = `annotation-${color}`;
        if (!CSS.highlights.has(name)) CSS.highlights.set(name, new Highlight());
        CSS.highlights.get(name).add(range);
    }
}

// The page's highlights go with it.
export function clear() {
    if (!globalThis.CSS?.highlights) return;
    for (const name of [...CSS.highlights.keys()]) if (name.startsWith("annotation-")) CSS.highlights.delete(name);
}

export function goToPassage(container, start, end) {
    const from = domPoint(container, start);
    if (!from) return;
    from.node.parentElement.scrollIntoView({ block: "center", behavior: "smooth" });
    const range = rangeOf(container, start, end);
    if (!range) return;
    CSS.highlights?.set("annotation-flash", new Highlight(range));
    setTimeout(() => CSS.highlights?.delete("annotation-flash"), 1600);
}

// Brings an annotation of the panel into view and gives it the focus.
export function reveal(id) {
    const item = document.getElementById(id);
    if (!item) return;
    item.scrollIntoView({ block: "nearest", behavior: "smooth" });
    item.focus({ preventScroll: true });
}

function rangeOf(container, start, end) {
    const from = domPoint(container, start), to = domPoint(container, end);
    if (!from || !to) return null;
    const range = new Range();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
}
