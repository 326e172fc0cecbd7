/** A minimal, accessible modal that shows a QR next_action until the payment is decided. */
export interface QrModal {
    close(): void;
}
export declare function showQrModal(doc: Document, action: {
    url: string;
    image: string;
}, onClose?: () => void): QrModal;
