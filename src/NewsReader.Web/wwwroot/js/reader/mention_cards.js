// The entity card for the mark under the pointer or with the focus, and mentions brought into view.
import { listen } from "./body_offsets.js";

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
    const stopContainer = listen(container, { mouseover: show, focusin: show, mouseout: hide, focusout: hide });
    const stopDocument = listen(document, { keydown: escape });
    // A mention focused before this script attached (a reader tabbing in early) still gets its card.
    if (container.contains(document.activeElement)) show({ target: document.activeElement });
    return () => {
        clearTimeout(hideTimer);
        stopContainer();
        stopDocument();
    };
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
