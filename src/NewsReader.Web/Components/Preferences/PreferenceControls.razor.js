// Keeps the preferences for a year in this browser; the server reads the cookie to render the next page.
export function save(name, value, darkMode) {
    const secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax${secure}`;
    document.documentElement.dataset.theme = darkMode ? "dark" : "light";
}
