// The one coordinate system: UTF-16 offsets into the stored body. Each paragraph carries the offset it starts at,
// and the text from there to a point is exactly that much of the body, marks or not.

// A point of the page (node and offset) as a body offset, or null outside the article's paragraphs.
export function bodyOffset(node, offset) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const paragraph = element?.closest("p[data-start]");
    if (!paragraph) return null;
    const before = document.createRange();
    before.setStart(paragraph, 0);
    before.setEnd(node, offset);
    return Number(paragraph.dataset.start) + before.toString().length;
}

// A body offset as a point of the page: the paragraph that holds it, then its text nodes in order.
export function domPoint(container, offset) {
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

// Adds listeners and returns what removes every one of them.
export function listen(target, listeners) {
    for (const [name, listener] of Object.entries(listeners)) target.addEventListener(name, listener);
    return () => {
        for (const [name, listener] of Object.entries(listeners)) target.removeEventListener(name, listener);
    };
}
