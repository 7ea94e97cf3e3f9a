// The class page: copy the join link with one click (no inline handlers, for the CSP).
document.querySelectorAll("[data-copy-target]").forEach((button) => {
  button.addEventListener("click", async () => {
    const field = document.getElementById(button.dataset.copyTarget);
    const status = document.querySelector("[data-copy-status]");
    if (!field) return;
    let copied = false;
    try {
      await navigator.clipboard.writeText(field.value);
      copied = true;
    } catch (error) {
      // No clipboard API (plain http or an old browser): select it for Ctrl+C instead.
      field.select();
      copied = document.execCommand && document.execCommand("copy");
    }
    if (status) {
      status.textContent = copied
        ? "Link copied: paste it into an e-mail or your class page."
        : "Press Ctrl+C (or ⌘C) to copy the selected link.";
    }
    if (copied) button.textContent = button.dataset.copiedText || "Copied";
  });
});
