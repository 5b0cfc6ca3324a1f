import "server-only";
import QRCode from "qrcode";

/**
 * A join URL's QR code as one SVG path (module matrix with a 2-module quiet zone), made on
 * the server so the board and organizer pages ship no QR library to the browser.
 * components/rooms/QrCode.tsx draws it.
 */
export type QrShape = { size: number; path: string };

export function qrShape(text: string): QrShape {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const modules = qr.modules.size;
  const margin = 2;
  let path = "";
  for (let y = 0; y < modules; y++) {
    for (let x = 0; x < modules; x++) {
      if (qr.modules.get(x, y)) path += `M${x + margin} ${y + margin}h1v1h-1z`;
    }
  }
  return { size: modules + margin * 2, path };
}
