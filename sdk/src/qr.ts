/** A minimal, accessible modal that shows a QR next_action until the payment is decided. */

export interface QrModal { close(): void }

export function showQrModal(doc: Document, action: { url: string; image: string }, onClose?: () => void): QrModal {
  const backdrop = doc.createElement("div");
  backdrop.setAttribute("data-kassa-qr", "");
  backdrop.style.cssText = "position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;"
    + "justify-content:center;z-index:2147483000";
  const dialog = doc.createElement("div");
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-modal", "true");
  dialog.setAttribute("aria-label", "Scan to pay");
  dialog.style.cssText = "background:#fff;color:#111;padding:24px;border-radius:12px;max-width:320px;text-align:center;"
    + "font:16px system-ui,sans-serif";
  const heading = doc.createElement("h2");
  heading.textContent = "Scan to pay";
  heading.style.cssText = "margin:0 0 12px;font-size:20px";
  const image = doc.createElement("img");
  image.src = action.image;
  image.alt = "QR code to pay";
  image.width = 220;
  image.height = 220;
  const link = doc.createElement("a");
  link.href = action.url;
  link.target = "_blank";
  link.rel = "noopener";
  link.textContent = "Open the payment page";
  link.style.cssText = "display:block;margin:12px 0";
  const close = doc.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  dialog.append(heading, image, link, close);
  backdrop.appendChild(dialog);
  doc.body.appendChild(backdrop);
  close.focus();

  const modal: QrModal = {
    close() {
      backdrop.remove();
    },
  };
  close.addEventListener("click", () => {
    modal.close();
    onClose?.();
  });
  return modal;
}
