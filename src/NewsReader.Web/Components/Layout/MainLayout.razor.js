export function markInteractive() {
    document.documentElement.dataset.interactive = "true";
}
