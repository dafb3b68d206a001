// Enter and comma in the tag box end a tag rather than submit the form or type a comma; the component adds the chip.
export function endTagOnEnter(box) {
    box.addEventListener("keydown", (event) => {
        if (event.target instanceof HTMLInputElement && (event.key === "Enter" || event.key === ",")) event.preventDefault();
    });
}
